package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2OtpLoginTest extends OtpLoginTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
