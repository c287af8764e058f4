package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2UsageReportsTest extends UsageReportsTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
