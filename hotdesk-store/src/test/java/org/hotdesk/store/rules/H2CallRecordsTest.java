package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2CallRecordsTest extends CallRecordsTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
