package org.hotdesk.core.tenant;

import org.hotdesk.core.audit.Actor;

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

    /**
     * Phone-key login is about to be turned off: the PIN digests it needs go, and a tenant whose desks still offer
     * the phone's own key must not turn it off (throws, and the edit saves nothing).
     */
    void phoneKeyLoginTurningOff(long tenantId, Actor actor);

    /** The tenant's provisioning URL changed: phones still on the old one must learn at once that it is gone. */
    void provisioningUrlChanged(long tenantId);
}
