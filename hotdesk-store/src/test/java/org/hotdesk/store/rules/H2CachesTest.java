package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2CachesTest extends CachesTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
