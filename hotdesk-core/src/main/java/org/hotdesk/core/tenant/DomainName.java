package org.hotdesk.core.tenant;

import java.util.Locale;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/** Validates a tenant's SIP domain: a DNS name (lower-cased), as phones put it in their URIs. */
final class DomainName {
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private DomainName() {
    }

    static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("domain", "is required");
        }
        String domain = raw.trim().toLowerCase(Locale.ROOT);
        if (!DNS_NAME.matcher(domain).matches()) {
            throw new InvalidInputException("domain", "'" + raw + "' is not a valid DNS name");
        }
        return domain;
    }
}
