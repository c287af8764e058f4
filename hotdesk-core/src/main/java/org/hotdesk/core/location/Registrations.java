package org.hotdesk.core.location;

import java.util.List;

/**
 * Who is registered where, right now. The SIP registrar keeps it; the console, the API and the CLI read
 * it through this port. Expired bindings are never returned.
 */
public interface Registrations {
    List<Registration> ofDevice(long deviceId);

    List<Registration> ofUser(long userId);

    List<Registration> inTenant(long tenantId);
}
