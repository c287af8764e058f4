package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2ProvisioningDataTest extends ProvisioningDataTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
