package org.hotdesk.core.policy;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/**
 * Per-device overrides of the tenant's {@link SessionPolicy} (a desk's timers); a null field inherits the tenant's
 * value. Set a number to 0 to switch that timer off on this device only. Fields are named as in the API's
 * {@code timers} object, so an error says which timer is wrong.
 */
public record DevicePolicyOverride(Integer idleLogoutMinutes, Integer maxSessionHours, LocalTime dailyLogoutTime) {
    public static final DevicePolicyOverride NONE = new DevicePolicyOverride(null, null, null);
    public static final String IDLE = "timers.idleLogoutMinutes";
    public static final String MAX_HOURS = "timers.maxSessionHours";
    public static final String DAILY = "timers.dailyLogoutTime";
    private static final Pattern HH_MM = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d");

    public DevicePolicyOverride {
        if (idleLogoutMinutes != null) SessionPolicy.requireIdleLogoutMinutes(IDLE, idleLogoutMinutes);
        if (maxSessionHours != null) SessionPolicy.requireMaxSessionHours(MAX_HOURS, maxSessionHours);
    }

    /** Overrides as typed (a form, a JSON value as text): blank or null inherits; the first bad field fails. */
    public static DevicePolicyOverride parse(String idleMinutes, String maxHours, String dailyTime) {
        List<InvalidInputException> problems = problems(idleMinutes, maxHours, dailyTime);
        if (!problems.isEmpty()) throw problems.get(0);
        return new DevicePolicyOverride(number(IDLE, idleMinutes), number(MAX_HOURS, maxHours), time(dailyTime));
    }

    /** Every bad field at once, each checked on its own, so a form names them all. */
    public static List<InvalidInputException> problems(String idleMinutes, String maxHours, String dailyTime) {
        List<InvalidInputException> problems = new ArrayList<>();
        check(problems, () -> {
            Integer v = number(IDLE, idleMinutes);
            if (v != null) SessionPolicy.requireIdleLogoutMinutes(IDLE, v);
        });
        check(problems, () -> {
            Integer v = number(MAX_HOURS, maxHours);
            if (v != null) SessionPolicy.requireMaxSessionHours(MAX_HOURS, v);
        });
        check(problems, () -> time(dailyTime));
        return problems;
    }

    private static void check(List<InvalidInputException> problems, Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            problems.add(e);
        }
    }

    public static Integer number(String field, String raw) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + raw.trim() + "' is not a whole number");
        }
    }

    public static LocalTime time(String raw) {
        if (raw == null || raw.isBlank()) return null;
        if (!HH_MM.matcher(raw.trim()).matches()) {
            throw new InvalidInputException(DAILY, "must be a time HH:MM such as 18:30, was '" + raw.trim() + "'");
        }
        String[] hm = raw.trim().split(":");
        return LocalTime.of(Integer.parseInt(hm[0]), Integer.parseInt(hm[1]));
    }
}
