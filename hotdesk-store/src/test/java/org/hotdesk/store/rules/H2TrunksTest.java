package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2TrunksTest extends TrunksTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
