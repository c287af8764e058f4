package org.hotdesk.store;

import org.hotdesk.core.Ports;

/** Builds every core port on one database. */
public final class JdbiPorts {
    private JdbiPorts() {
    }

    public static Ports create(Database database) {
        JdbiTransactions tx = new JdbiTransactions(database.jdbi());
        return new Ports(tx, new JdbiTenantStore(tx), new JdbiUserStore(tx), new JdbiDeviceStore(tx),
                new JdbiGatewayStore(tx), new JdbiProvisionCountStore(tx), new JdbiResyncRequestStore(tx),
                new JdbiSessionStore(tx), new JdbiOtpStore(tx), new JdbiAttemptStore(tx), new JdbiAuditLog(tx),
                new JdbiCallStore(tx), new JdbiRegistrationStore(tx, database.notices()), new JdbiEmergencyAlertStore(tx),
                new JdbiSiteStore(tx), new JdbiAccessTokenStore(tx), new JdbiEditGeneration(tx),
                new JdbiWebhookStore(tx), new JdbiTrunkStore(tx), new JdbiForwardingStore(tx));
    }
}
