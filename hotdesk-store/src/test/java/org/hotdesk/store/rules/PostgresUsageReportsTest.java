package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL_VARIABLE, matches = ".+")
class PostgresUsageReportsTest extends UsageReportsTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
