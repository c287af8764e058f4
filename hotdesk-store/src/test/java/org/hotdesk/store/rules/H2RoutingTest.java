package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2RoutingTest extends RoutingTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
