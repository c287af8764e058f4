package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2InventoryTest extends InventoryTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
