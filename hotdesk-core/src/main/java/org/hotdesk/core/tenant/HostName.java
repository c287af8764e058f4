package org.hotdesk.core.tenant;

import java.util.Locale;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/** A host name or IP address as phones are given it (SIP domain, NTP server): lower-cased, IPv6 in brackets. */
public final class HostName {
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*"
                    + "|\\[[0-9a-f:.]+]");

    private HostName() {
    }

    /** The cleaned host; null or blank = not set (null). */
    public static String optional(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String clean = raw.trim().toLowerCase(Locale.ROOT);
        if (!HOST.matcher(clean).matches()) {
            throw new InvalidInputException(field, "'" + raw + "' is not a host name or IP address");
        }
        return clean;
    }
}
