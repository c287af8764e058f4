package org.hotdesk.app.config;

/**
 * The auto-logout timers.
 *
 * @param checkIntervalSeconds how often due deadlines are looked for: the most a timer can fire late
 * @param maxCallHours         a call still open after this long is taken as abandoned (its BYE never came)
 *                             and ended, so its desks' timers run again
 */
public record TimersConfig(int checkIntervalSeconds, int maxCallHours) {
    public static final TimersConfig DEFAULTS = new TimersConfig(10, 12);

    public TimersConfig {
        Require.between("timers.checkIntervalSeconds", checkIntervalSeconds, 1, 3600);
        Require.between("timers.maxCallHours", maxCallHours, 1, 168);
    }
}
