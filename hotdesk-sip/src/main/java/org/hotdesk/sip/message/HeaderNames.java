package org.hotdesk.sip.message;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How header names are spelled once parsed: compact forms expanded (RFC 3261 §7.3.3, and the RFCs that
 * defined later ones: 3265 o/u, 3515 r, 3892 b, 4028 x, 3841 a/j/d, 4474 y/n), known names in their usual
 * case, unknown names as written. Names compare case-insensitively anyway (§7.3.1); the canonical spelling
 * makes lookups cheap and writing uniform.
 */
final class HeaderNames {
    private static final String[] KNOWN = {
        "Accept", "Accept-Contact", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Allow-Events",
        "Authentication-Info", "Authorization", "Call-ID", "Call-Info", "Contact", "Content-Disposition",
        "Content-Encoding", "Content-Language", "Content-Length", "Content-Type", "CSeq", "Date", "Diversion", "Error-Info",
        "Event", "Expires", "From", "Identity", "Identity-Info", "In-Reply-To", "Max-Forwards", "MIME-Version",
        "Min-Expires", "Min-SE", "Organization", "P-Asserted-Identity", "P-Preferred-Identity", "Path", "Priority",
        "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Require", "RAck", "Reason", "Record-Route", "Refer-To",
        "Referred-By", "Reject-Contact", "Reply-To", "Request-Disposition", "Require", "Retry-After", "Route", "RSeq",
        "Server", "Service-Route", "Session-Expires", "SIP-ETag", "SIP-If-Match", "Subject", "Subscription-State",
        "Supported", "Timestamp", "To", "Unsupported", "User-Agent", "Via", "Warning", "WWW-Authenticate",
    };

    /** Headers whose grammar is a comma-separated list (§7.3.1), so one line may hold several values. */
    private static final Set<String> LISTS = Set.of(
            "Via", "Route", "Record-Route", "Contact", "Path", "Service-Route", "Allow", "Supported", "Require",
            "Proxy-Require", "Unsupported", "Accept", "Accept-Encoding", "Accept-Language", "Allow-Events",
            "In-Reply-To", "Content-Encoding", "Content-Language", "Alert-Info", "Call-Info", "Error-Info", "Warning",
            "Accept-Contact", "Reject-Contact", "Request-Disposition", "P-Asserted-Identity", "P-Preferred-Identity",
            "Reason", "Diversion");

    private static final Map<String, String> BY_SPELLING = new HashMap<>();

    static {
        for (String name : KNOWN) {
            BY_SPELLING.put(name, name);
            BY_SPELLING.put(name.toLowerCase(Locale.ROOT), name);
        }
        String[][] compact = {
            {"i", "Call-ID"}, {"m", "Contact"}, {"e", "Content-Encoding"}, {"l", "Content-Length"},
            {"c", "Content-Type"}, {"f", "From"}, {"s", "Subject"}, {"k", "Supported"}, {"t", "To"}, {"v", "Via"},
            {"o", "Event"}, {"u", "Allow-Events"}, {"r", "Refer-To"}, {"b", "Referred-By"}, {"x", "Session-Expires"},
            {"a", "Accept-Contact"}, {"j", "Reject-Contact"}, {"d", "Request-Disposition"}, {"y", "Identity"},
            {"n", "Identity-Info"},
        };
        for (String[] pair : compact) {
            BY_SPELLING.put(pair[0], pair[1]);
        }
    }

    private HeaderNames() {
    }

    /** The canonical spelling of a header name: exact spellings hit first, so the usual case lowercases nothing. */
    static String canonical(String name) {
        String known = BY_SPELLING.get(name);
        if (known != null) return known;
        known = BY_SPELLING.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : name;
    }

    static boolean isList(String canonicalName) {
        return LISTS.contains(canonicalName);
    }
}
