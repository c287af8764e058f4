package org.hotdesk.app.config;

/**
 * The auto-logout timers.
 *
 * @param checkIntervalSeconds how often due deadlines are looked for: the most a timer can fire late
 */
public record TimersConfig(int checkIntervalSeconds) {
    public static final TimersConfig DEFAULTS = new TimersConfig(10);

    public TimersConfig {
        Require.between("timers.checkIntervalSeconds", checkIntervalSeconds, 1, 3600);
    }
}
