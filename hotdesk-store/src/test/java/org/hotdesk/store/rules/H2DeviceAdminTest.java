package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2DeviceAdminTest extends DeviceAdminTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
