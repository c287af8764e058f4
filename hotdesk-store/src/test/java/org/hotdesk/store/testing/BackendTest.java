package org.hotdesk.store.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that run on every database backend: each concrete class picks H2 or PostgreSQL,
 * and gets a fresh database and a fresh core per test.
 */
public abstract class BackendTest {
    protected TestDatabase db;
    protected TestHotdesk hd;

    protected abstract TestDatabase newDatabase();

    @BeforeEach
    void openDatabase() {
        db = newDatabase();
        hd = new TestHotdesk(db.database());
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
