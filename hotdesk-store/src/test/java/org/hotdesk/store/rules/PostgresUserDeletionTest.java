package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL_VARIABLE, matches = ".+")
class PostgresUserDeletionTest extends UserDeletionTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
