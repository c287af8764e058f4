package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2ConfigChangesTest extends ConfigChangesTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
