package org.hotdesk.core.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short fingerprint of a tenant's settings, the same on every node and after restarts. An admin's edit carries
 * the version it was made on, so two admins editing at once cannot silently undo each other's change: the
 * second save is refused and shows what is there now (HTTP {@code ETag} / {@code If-Match}, the console form).
 */
public final class SettingsVersion {
    private SettingsVersion() {
    }

    public static String of(TenantSettings settings) {
        try {
            // records all the way down: toString() lists every value in a fixed order
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(settings.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
