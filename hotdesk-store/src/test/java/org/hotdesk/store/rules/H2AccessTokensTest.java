package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2AccessTokensTest extends AccessTokensTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
