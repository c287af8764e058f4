package org.hotdesk.app;

import java.security.SecureRandom;
import java.time.Clock;
import org.hotdesk.app.config.HotdeskConfig;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.cluster.ClusterMembers;
import org.hotdesk.core.security.BcryptSecretHasher;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.provisioning.fetch.ProvisioningUrls;
import org.hotdesk.sip.transport.SipEndpoint;
import org.hotdesk.store.Database;
import org.hotdesk.store.JdbiClusterMembers;
import org.hotdesk.store.JdbiPorts;
import org.hotdesk.store.JdbiTransactions;

/**
 * The composition root: the only place that constructs adapters and hands each its slice of config.
 * The server and every admin command start from here, so they work on the same database the same way.
 */
public final class Wiring implements AutoCloseable {
    private final HotdeskConfig config;
    private final Database database;
    private final HotdeskCore core;
    private final Clock clock;

    private Wiring(HotdeskConfig config, Database database, HotdeskCore core, Clock clock) {
        this.config = config;
        this.database = database;
        this.core = core;
        this.clock = clock;
    }

    public static Wiring open(HotdeskConfig config) {
        return open(config, Clock.systemUTC());
    }

    public static Wiring open(HotdeskConfig config, Clock clock) {
        var db = config.database();
        Database database = Database.open(db.url(), db.user(), db.password(), db.maxPoolSize(), null);
        try {
            HotdeskCore core = HotdeskCore.create(JdbiPorts.create(database), clock, new SecureRandom(),
                    new BcryptSecretHasher(config.security().pinHashCost()), config.tenantDefaults().toSettings());
            return new Wiring(config, database, core, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public HotdeskConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public HotdeskCore core() {
        return core;
    }

    public Clock clock() {
        return clock;
    }

    /** The provision counter rules, on this wiring's database. */
    public ProvisionCounter provisionCounter() {
        return provisionCounter(() -> false);
    }

    /** The same, counting each fetch in the database while {@code otherServersCount} (the live nodes of a cluster). */
    public ProvisionCounter provisionCounter(java.util.function.BooleanSupplier otherServersCount) {
        return new ProvisionCounter(core.ports().transactions(), core.ports().devices(),
                core.ports().gateways(), core.ports().provisionCounts(), core.ports().resyncRequests(),
                core.ports().audit(), clock, otherServersCount);
    }

    /** The cluster's nodes as they report themselves in the shared database. */
    public ClusterMembers clusterMembers() {
        return new JdbiClusterMembers(new JdbiTransactions(database.jdbi()));
    }

    /** Tenants' provisioning URLs as the configured server publishes them (for admin commands, not the server). */
    public ProvisioningUrls provisioningUrls() {
        String host = SipEndpoint.advertisedHost(config.sip().toServerConfig());
        return new ProvisioningUrls(config.http().publicUrl(host, config.http().port()));
    }

    @Override
    public void close() {
        database.close();
    }
}
