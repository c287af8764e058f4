package org.hotdesk.core.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * The JSON an event is POSTed as, written once when the event happens:
 * {@code {"id": ..., "event": "login", "occurredAt": "...", "tenant": "acme.example", "data": {...}}}.
 * The data are flat text fields (a null is left out), so this small writer is all the JSON the core needs.
 */
final class EventBody {
    private EventBody() {
    }

    static String of(String eventId, WebhookEvent event, Instant at, String tenantDomain, Map<String, String> data) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "id", eventId).append(',');
        field(json, "event", event.wireName()).append(',');
        field(json, "occurredAt", at.toString()).append(',');
        field(json, "tenant", tenantDomain).append(",\"data\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (e.getValue() == null) continue;
            if (!first) json.append(',');
            field(json, e.getKey(), e.getValue());
            first = false;
        }
        return json.append("}}").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return quoted(quoted(json, name).append(':'), value);
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped. */
    private static StringBuilder quoted(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
                    else json.append(c);
                }
            }
        }
        return json.append('"');
    }
}
