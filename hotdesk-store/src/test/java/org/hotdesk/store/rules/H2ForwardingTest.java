package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2ForwardingTest extends ForwardingTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
