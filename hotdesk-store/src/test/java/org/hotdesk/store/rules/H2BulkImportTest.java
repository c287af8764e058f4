package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;

class H2BulkImportTest extends BulkImportTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
