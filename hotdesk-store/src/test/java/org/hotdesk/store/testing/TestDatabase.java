package org.hotdesk.store.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.hotdesk.store.Database;

/**
 * A fresh, empty database for one test: an in-memory H2 database, or a new schema on the PostgreSQL server
 * named by {@code HOTDESK_TEST_PG_URL} (dropped again on close).
 */
public final class TestDatabase implements AutoCloseable {
    public static final String PG_URL_VARIABLE = "HOTDESK_TEST_PG_URL";

    private final Database database;
    private final String url;
    private final String schema;

    private TestDatabase(Database database, String url, String schema) {
        this.database = database;
        this.url = url;
        this.schema = schema;
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(Database.open(url, "", "", 8, null), url, null);
    }

    public static TestDatabase postgres() {
        String url = System.getenv(PG_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(PG_URL_VARIABLE + " is not set");
        }
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        execute(url, "CREATE SCHEMA " + schema);
        return new TestDatabase(Database.open(url, "", "", 8, schema), url, schema);
    }

    public Database database() {
        return database;
    }

    /** Another pool on the same data, as a restarted server would open. */
    public Database reopen() {
        return Database.open(url, "", "", 8, schema);
    }

    @Override
    public void close() {
        database.close();
        if (schema != null) {
            execute(url, "DROP SCHEMA " + schema + " CASCADE");
        } else {
            execute(url, "SHUTDOWN");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql + " failed", e);
        }
    }
}
