package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2RegistrationsTest extends RegistrationsTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
