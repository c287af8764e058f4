package org.hotdesk.provisioning.snom;

import java.util.Map;
import java.util.Optional;
import org.hotdesk.provisioning.profile.TimeZoneInfo;

/**
 * Snom's {@code timezone} setting: a name from Snom's own list, like {@code GER+1}, that carries the country's
 * summer-time rule. Wazo builds it as its tone-scheme country code plus the standard offset in whole hours
 * (VENDORS.md §3.2, W/plugins/wazo_snom/common/common.py {@code _add_timezone}); we do the same for the zones whose
 * country code Wazo uses.
 *
 * <p>UNVERIFIED: that every name built this way is in the phone's list (Snom wiki "timezone" was not read). Zones
 * not listed here are left out of the file: the phone keeps the zone set on it rather than a guessed one.
 */
final class SnomTimeZone {
    private static final Map<String, String> COUNTRY = Map.ofEntries(
            Map.entry("Europe/Berlin", "GER"),
            Map.entry("Europe/Paris", "FRA"),
            Map.entry("Europe/Madrid", "ESP"),
            Map.entry("Europe/Rome", "ITA"),
            Map.entry("Europe/Amsterdam", "NLD"),
            // the US zones with summer time; Arizona and Hawaii have none and are left out
            Map.entry("America/New_York", "USA"),
            Map.entry("America/Chicago", "USA"),
            Map.entry("America/Denver", "USA"),
            Map.entry("America/Los_Angeles", "USA"));

    private SnomTimeZone() {
    }

    static Optional<String> of(TimeZoneInfo zone) {
        String country = COUNTRY.get(zone.zone().getId());
        if (country == null || zone.standardOffsetSeconds() % 3600 != 0) {
            return Optional.empty();
        }
        int hours = zone.standardOffsetSeconds() / 3600;
        return Optional.of(country + (hours < 0 ? "-" : "+") + Math.abs(hours));
    }
}
