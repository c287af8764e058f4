package org.hotdesk.core.device;

import org.hotdesk.core.site.Site;

/**
 * What one row of a bulk import asks a desk to be: a phone that does not exist yet is added, an existing phone
 * (or, with {@code linePort > 0}, an existing gateway line) takes these name, model, location, site and
 * provisioning. The caller merges the columns a file leaves out with the desk's current values.
 *
 * @param device   the desk as it should be; its policy is ignored for existing desks
 * @param linePort 0 for a phone; the port of an existing gateway line, whose provisioning is its gateway's
 * @param site     the site the desk should be at, or null for none
 */
public record DeviceImportRow(NewDevice device, int linePort, Site site) {
    public DeviceImportRow {
        if (device == null) throw new IllegalArgumentException("an import row needs its device");
    }
}
