package org.hotdesk.core.site;

import java.time.Instant;

/**
 * A building or office of a tenant. Its location is the default for every desk at the site: a desk gives only
 * what differs (floor, room, its own callback number) and inherits the rest.
 */
public record Site(long id, long tenantId, String name, CivicAddress location, Instant createdAt) {
}
