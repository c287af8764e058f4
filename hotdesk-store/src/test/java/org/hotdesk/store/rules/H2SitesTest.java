package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2SitesTest extends SitesTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
