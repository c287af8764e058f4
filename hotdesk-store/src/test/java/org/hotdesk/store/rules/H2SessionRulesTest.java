package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2SessionRulesTest extends SessionRulesTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
