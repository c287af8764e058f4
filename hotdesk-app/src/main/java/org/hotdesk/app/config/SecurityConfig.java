package org.hotdesk.app.config;

/**
 * How secrets are stored, and the system admin's token.
 *
 * @param pinHashCost bcrypt cost (log2 rounds) for stored PINs; each step doubles the time to check or to guess one
 * @param adminToken  the system admin's bearer token for the API and console; "" = the server makes one on its
 *                    first start and prints it once
 */
public record SecurityConfig(int pinHashCost, String adminToken) {
    public static final SecurityConfig DEFAULTS = new SecurityConfig(10, "");
    /** Shorter tokens could be guessed; 20 characters of a generator's output are out of reach. */
    static final int MIN_ADMIN_TOKEN = 20;

    public SecurityConfig {
        // 4 is bcrypt's floor (tests use it); beyond 16 a single IVR login would take seconds
        Require.between("security.pinHashCost", pinHashCost, 4, 16);
        adminToken = adminToken == null ? "" : adminToken.trim();
        if (!adminToken.isEmpty() && adminToken.length() < MIN_ADMIN_TOKEN) {
            throw ConfigException.forKey("security.adminToken", "too short to be safe (" + adminToken.length()
                    + " characters); use at least " + MIN_ADMIN_TOKEN + ", e.g. from 'openssl rand -hex 24'");
        }
    }
}
