package org.hotdesk.web.pages;

import java.util.List;

/**
 * What the page layout shows around every console page: title, the section to highlight, the tenant being
 * administered (and the others the admin may switch to), the CSRF token for forms, a one-time message.
 *
 * @param tenantId  0 outside a tenant (the system admin's tenant list)
 * @param error     true when {@code flash} reports a failure
 */
public record Frame(String title, String section, String who, long tenantId, String tenantName,
                    List<TenantLink> tenants, String csrf, String flash, boolean error) {
    public record TenantLink(long id, String name) {
    }

    /** The first line of the flash message: what happened. */
    public String flashTitle() {
        return flash == null ? null : flash.lines().findFirst().orElse("");
    }

    /** The flash message's further lines ("Line 3: ..."), shown as a list. */
    public List<String> flashItems() {
        return flash == null ? List.of() : flash.lines().skip(1).filter(l -> !l.isBlank()).toList();
    }

    /** The console URL of a section of this frame's tenant, e.g. {@code /console/tenants/3/devices}. */
    public String link(String sectionPath) {
        return "/console/tenants/" + tenantId + "/" + sectionPath;
    }
}
