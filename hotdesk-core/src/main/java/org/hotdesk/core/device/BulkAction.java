package org.hotdesk.core.device;

import org.hotdesk.core.tenant.HostName;

/**
 * What an admin applies to many desks at once (B3Networks bulk actions). Counter resets are the provision
 * counter's own bulk action, as the counter lives with provisioning.
 */
public sealed interface BulkAction {
    /** Removes the devices; whoever is logged in there is logged out with {@code DEVICE_REMOVED}. */
    record Remove() implements BulkAction {
    }

    /** Logs out whoever is logged in at the devices, as an admin. */
    record Logout() implements BulkAction {
    }

    /**
     * Asks the phones to fetch their configuration now (a re-sync NOTIFY), as after an edit: for a phone that missed
     * one, or after a change made outside hotdesk (a new firmware template on the provisioning side).
     */
    record Resync() implements BulkAction {
    }

    /** Sets the SIP domain the phones register in; null or blank = the tenant's domain again. */
    record SetSipDomain(String domain) implements BulkAction {
        public SetSipDomain {
            domain = HostName.optional("value", domain);
        }
    }

    /** Sets the phones' time server; null or blank = the tenant's again. */
    record SetNtpServer(String server) implements BulkAction {
        public SetNtpServer {
            server = HostName.optional("value", server);
        }
    }
}
