package org.hotdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, the schema migrations and the JDBI instance. H2 for the embedded default,
 * PostgreSQL when the URL says so; the same migrations serve both.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final ClusterNotices notices;
    private final Jdbi jdbi;
    private final String vendor;

    private Database(HikariDataSource dataSource, String vendor, String schema) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.notices = new ClusterNotices(dataSource, "postgresql".equals(vendor), schema);
        this.jdbi = Jdbi.create(dataSource);
        // Instants go in as UTC OffsetDateTime: both drivers map that to TIMESTAMP WITH TIME ZONE exactly
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        });
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @param schema a schema to create and use instead of the default one (tests isolate themselves with it); null for none
     */
    public static Database open(String url, String user, String password, int maxPoolSize, String schema) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database.url must be a JDBC URL (jdbc:h2:... or jdbc:postgresql:...), was '" + url + "'");
        }
        String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : url.startsWith("jdbc:h2:") ? "h2" : null;
        if (vendor == null) {
            throw new IllegalArgumentException("database.url: only H2 (jdbc:h2:) and PostgreSQL (jdbc:postgresql:) are supported, was '" + url + "'");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("h2".equals(vendor) ? withH2Settings(url) : url);
        if (user != null && !user.isEmpty()) config.setUsername(user);
        if (password != null && !password.isEmpty()) config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("hotdesk-db");
        config.setAutoCommit(true);
        if ("h2".equals(vendor)) {
            // logins on one device wait for each other's row lock; H2's default 1 s is too short under load
            config.setConnectionInitSql("SET LOCK_TIMEOUT 10000");
        }
        if (schema != null) {
            config.setSchema(schema);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .schemas(schema == null ? new String[0] : new String[] {schema})
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            log.info("database ready vendor={} migrationsApplied={}", vendor, applied);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, vendor, schema);
    }

    /**
     * Settings H2 needs here unless the URL sets them itself:
     * <ul>
     * <li>{@code WRITE_DELAY=0}: H2 otherwise keeps commits in memory for up to half a second, so a session opened
     *     0.3 s before a {@code kill -9} was gone after the restart; with 0 every commit is written to the file
     *     before it returns (the process may die at once; the operating system still has the write). Bindings are
     *     written behind on purpose, with their own documented window.</li>
     * <li>{@code QUERY_CACHE_SIZE=256}: H2 keeps the last 8 statements each connection parsed; a login runs more
     *     than that, so every statement was parsed again (15 % of a SIP worker's time in a profile of the morning
     *     storm).</li>
     * </ul>
     */
    static String withH2Settings(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder full = new StringBuilder(url);
        if (!upper.contains(";WRITE_DELAY=")) full.append(";WRITE_DELAY=0");
        if (!upper.contains(";QUERY_CACHE_SIZE=")) full.append(";QUERY_CACHE_SIZE=256");
        return full.toString();
    }

    /** What this process tells the other nodes on the same database, and hears from them. */
    public ClusterNotices notices() {
        return notices;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** "h2" or "postgresql". */
    public String vendor() {
        return vendor;
    }

    /** True when a trivial query answers: what the health endpoint reports. */
    public boolean isHealthy() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        notices.close();
        dataSource.close();
    }
}
