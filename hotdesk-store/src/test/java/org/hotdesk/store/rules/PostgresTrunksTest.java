package org.hotdesk.store.rules;

import org.hotdesk.store.testing.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL_VARIABLE, matches = ".+")
class PostgresTrunksTest extends TrunksTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
