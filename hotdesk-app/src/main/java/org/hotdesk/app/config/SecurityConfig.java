package org.hotdesk.app.config;

/**
 * How secrets are stored.
 *
 * @param pinHashCost bcrypt cost (log2 rounds) for stored PINs; each step doubles the time to check or to guess one
 */
public record SecurityConfig(int pinHashCost) {
    public static final SecurityConfig DEFAULTS = new SecurityConfig(10);

    public SecurityConfig {
        // 4 is bcrypt's floor (tests use it); beyond 16 a single IVR login would take seconds
        Require.between("security.pinHashCost", pinHashCost, 4, 16);
    }
}
