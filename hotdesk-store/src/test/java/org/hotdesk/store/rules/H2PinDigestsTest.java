package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2PinDigestsTest extends PinDigestsTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
