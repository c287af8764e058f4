package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2LockoutTest extends LockoutTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
