package org.hotdesk.app.config;

/**
 * When a source address is ignored for failing authentication or probing unknown accounts too often.
 *
 * @param maxFailures   failures from one address within the window that block it
 * @param windowSeconds the window in which they are counted
 * @param blockMinutes  how long the address is then ignored (no SIP answer at all)
 */
public record SourceLimitsConfig(int maxFailures, int windowSeconds, int blockMinutes) {
    public static final SourceLimitsConfig DEFAULTS = new SourceLimitsConfig(20, 60, 15);

    public SourceLimitsConfig {
        Require.between("sourceLimits.maxFailures", maxFailures, 3, 10_000);
        Require.between("sourceLimits.windowSeconds", windowSeconds, 1, 3600);
        Require.between("sourceLimits.blockMinutes", blockMinutes, 1, 10_080);
    }

    public org.hotdesk.core.login.SourceLimits toServerConfig() {
        return new org.hotdesk.core.login.SourceLimits(maxFailures, windowSeconds, blockMinutes);
    }
}
