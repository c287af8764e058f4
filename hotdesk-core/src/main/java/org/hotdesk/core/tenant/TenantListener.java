package org.hotdesk.core.tenant;

/**
 * What follows from an edit of a tenant, done by the features above this one (session timers, re-sync), inside the
 * edit's transaction.
 */
public interface TenantListener {
    /**
     * The tenant's settings changed: open sessions get their timers recomputed.
     *
     * @param phonesShowIt a setting every phone's configuration carries changed (login codes, time zone,
     *                     provisioning), so every desk of the tenant fetches again
     */
    void settingsChanged(long tenantId, boolean phonesShowIt);

    /** The tenant's provisioning URL changed: phones still on the old one must learn at once that it is gone. */
    void provisioningUrlChanged(long tenantId);
}
