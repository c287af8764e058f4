package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2EmergencyAlertsTest extends EmergencyAlertsTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
