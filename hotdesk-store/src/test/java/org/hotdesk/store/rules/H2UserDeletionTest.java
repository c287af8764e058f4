package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2UserDeletionTest extends UserDeletionTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
