package org.hotdesk.web.console.devices;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.user.User;
import org.hotdesk.web.pages.LocationText;
import org.hotdesk.web.pages.SessionWords;

/**
 * One desk as the console lists it: the device, where it really is (its site's fields filled in), who is
 * logged in there, whether it is registered, and how many config fetches it has left.
 *
 * @param location     the effective location (desk fields, then its site's)
 * @param session      the open session, or null
 * @param user         the user of that session, or null
 * @param registration the newest live binding of the device, or null when not registered
 * @param fetchLimit   the tenant's provision-counter limit
 */
public record DeviceRow(Device device, CivicAddress location, Session session, User user, Registration registration,
                        int fetchLimit, ZoneId zone) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public boolean inUse() {
        return session != null;
    }

    public boolean registered() {
        return registration != null;
    }

    public boolean dispatchable() {
        return location.isDispatchable();
    }

    /** "Alice Smith (1001)", or the user id when the user is gone. */
    public String userLabel() {
        if (session == null) return "";
        return user == null ? "user " + session.userId() : user.name() + " (" + user.extension() + ")";
    }

    /** "since 09:12 · by one-time code", in the tenant's time zone; the live view uses the same words. */
    public String sessionDetail() {
        if (session == null) return "";
        return "since " + TIME.format(session.startedAt().atZone(zone)) + " · " + SessionWords.byMethod(session.method());
    }

    /** Where the REGISTER came from, e.g. {@code 10.1.2.14:5060}. */
    public String source() {
        return registration == null ? "" : registration.source();
    }

    /** "Yealink T54W". */
    public String model() {
        return device.model() == null ? vendor() : vendor() + " " + device.model();
    }

    /** "Yealink". */
    public String vendor() {
        return device.vendor().name().charAt(0) + device.vendor().name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The short address line for tables: "Friedrichstraße 68, Berlin" (all fields are on the desk's page). */
    public String address() {
        return LocationText.address(location);
    }

    /** Floor and room, the description: "Floor 2 · Room 2.14 · by the window". */
    public String place() {
        return LocationText.place(location);
    }

    public int provisionCount() {
        return device.provisionCount();
    }

    public boolean counterFull() {
        return device.provisionCount() >= fetchLimit;
    }

    /** The meter's fill in tenths (0..10), a CSS class: the page's CSP allows no inline styles. */
    public int meterTenths() {
        if (fetchLimit <= 0) return 10;
        int tenths = (int) Math.ceil(10.0 * Math.min(device.provisionCount(), fetchLimit) / fetchLimit);
        return Math.max(0, Math.min(10, tenths));
    }

    /** Does this desk match the search text (name, MAC, model, place, who is there)? */
    public boolean matches(String search) {
        if (search == null || search.isBlank()) return true;
        String needle = search.trim().toLowerCase(Locale.ROOT);
        List<String> hay = new ArrayList<>(List.of(device.name(), device.mac().value(), device.mac().colonSeparated(),
                model(), address(), place(), userLabel()));
        return hay.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).contains(needle));
    }
}
