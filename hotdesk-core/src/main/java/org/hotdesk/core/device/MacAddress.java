package org.hotdesk.core.device;

import java.util.HexFormat;
import java.util.Locale;
import org.hotdesk.core.error.InvalidInputException;

/**
 * A device's hardware address, kept as 12 lower-case hex digits. Accepts what admins paste and
 * phones send: {@code 00:15:65:AA:BB:CC}, {@code 00-15-65-aa-bb-cc}, {@code 0015.65aa.bbcc}, {@code 001565aabbcc}.
 */
public record MacAddress(String value) {

    public MacAddress {
        if (value == null || !value.matches("[0-9a-f]{12}")) {
            throw new InvalidInputException("mac", "must be 12 hex digits, was '" + value + "'");
        }
    }

    public static MacAddress parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("mac", "is required");
        }
        String trimmed = raw.trim();
        String hex = trimmed.replaceAll("[:\\-.]", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12 || !hex.matches("[0-9a-f]{12}")) {
            throw new InvalidInputException("mac", "'" + raw + "' is not a MAC address (expected 12 hex digits, e.g. 00:15:65:aa:bb:cc)");
        }
        if (hex.equals("000000000000") || hex.equals("ffffffffffff")) {
            throw new InvalidInputException("mac", "'" + raw + "' is not a device address");
        }
        if ((HexFormat.fromHexDigits(hex, 0, 2) & 0x01) != 0) {
            throw new InvalidInputException("mac", "'" + raw + "' is a multicast address, not a device");
        }
        return new MacAddress(hex);
    }

    /** {@code 00:15:65:aa:bb:cc}, for people. */
    public String colonSeparated() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) sb.append(':');
            sb.append(value, i, i + 2);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
