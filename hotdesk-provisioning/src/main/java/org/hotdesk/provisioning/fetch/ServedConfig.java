package org.hotdesk.provisioning.fetch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.provisioning.render.ConfigFile;
import org.hotdesk.provisioning.render.FileRequest;

/**
 * One answer the provisioning endpoint gave, with what it takes to give it again without the database: whose it
 * is, the access rule it passed, and the rendered file. Valid until an event about one of its devices drops it, or
 * until {@code validUntil} (the time zone's next change of rules, which the file spells out).
 *
 * @param lines       the phone, or every line of the gateway; line 1's account answers a digest challenge
 * @param tenantLabel the tenant's domain, for the log
 * @param access      the tenant's access rule when the answer was made
 * @param fetchLimit  the tenant's provision counter limit
 * @param contentType the file's media type
 * @param body        the file's text in UTF-8, as it goes out: only these bytes are kept, not the text as well, so a
 *                    provider's 100,000 desks hold one copy of each file
 */
record ServedConfig(long tenantId, String tenantLabel, List<Device> lines, ProvisioningAccess access, int fetchLimit,
                    FileRequest.Part part, String contentType, byte[] body, Instant validUntil) {
    ServedConfig {
        lines = List.copyOf(lines);
    }

    ServedConfig(long tenantId, String tenantLabel, List<Device> lines, ProvisioningAccess access, int fetchLimit,
                 FileRequest.Part part, ConfigFile file, Instant validUntil) {
        this(tenantId, tenantLabel, lines, access, fetchLimit, part, file.contentType(),
                file.body().getBytes(StandardCharsets.UTF_8), validUntil);
    }

    Device account() {
        return lines.get(0);
    }
}
