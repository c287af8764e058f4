package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2SessionTimersTest extends SessionTimersTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
