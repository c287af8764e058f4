package org.hotdesk.core.device;

import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;

/**
 * Several changes to one desk, made together or not at all (an API PATCH, a console form). A null field
 * leaves that part as it is.
 *
 * @param model      null keeps the model; blank clears it
 * @param timers     the desk's timer overrides as a whole ({@link DevicePolicyOverride#NONE}: the tenant's)
 * @param changeSite whether to move the desk to {@code site} (null: at no site)
 */
public record DeviceChanges(String name, String model, Boolean enabled, CivicAddress location, boolean changeSite,
                            Site site, DeviceProvisioning provisioning, DevicePolicyOverride timers) {

    public static final DeviceChanges NONE = new DeviceChanges(null, null, null, null, false, null, null, null);

    /** Changes that leave the desk's timers as they are. */
    public DeviceChanges(String name, String model, Boolean enabled, CivicAddress location, boolean changeSite,
                         Site site, DeviceProvisioning provisioning) {
        this(name, model, enabled, location, changeSite, site, provisioning, null);
    }
}
