package org.hotdesk.provisioning.fetch;

import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.Tenant;

/**
 * The base URL a tenant's phones fetch their files from, as admins enter it in the phones (DHCP option 66,
 * the vendor's redirection service, or the phone's web page); the phone appends its own file name.
 */
public final class ProvisioningUrls {
    private final String base;

    /** @param httpBase how phones reach this server's HTTP(S) side, e.g. {@code https://pbx.example.com:8443} */
    public ProvisioningUrls(String httpBase) {
        this.base = httpBase.endsWith("/") ? httpBase.substring(0, httpBase.length() - 1) : httpBase;
    }

    public String forTenant(Tenant tenant) {
        return tenant.settings().provisioning().access() == ProvisioningAccess.URL_TOKEN
                ? base + "/provisioning/" + tenant.provisioningToken() + "/"
                : base + "/provisioning/";
    }
}
