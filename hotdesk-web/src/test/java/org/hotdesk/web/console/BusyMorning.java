package org.hotdesk.web.console;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.policy.SessionPolicy;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;

/**
 * A realistic tenant for console tests and screenshots: an office in Berlin with named desks at real-looking
 * places and people with real-looking names, on Berlin time, idle logout after four hours and everyone out at 19:00.
 */
final class BusyMorning {
    static final String[][] PEOPLE = {
            {"2101", "Alice Schneider"}, {"2102", "Jonas Becker"}, {"2103", "Mehmet Yılmaz"}, {"2104", "Sophie Wagner"},
            {"2105", "Lukas Hoffmann"}, {"2106", "Ana Kovačević"}, {"2107", "Felix Richter"}, {"2108", "Hannah Klein"},
            {"2109", "Priya Raman"}, {"2110", "Tobias Neumann"}};
    static final String[][] DESKS = {
            {"Desk 2.14 – Window", "2nd floor, window row", "Friedrichstraße", "68", "2"},
            {"Desk 2.15 – Window", "2nd floor, window row", "Friedrichstraße", "68", "2"},
            {"Desk 2.21 – Quiet zone", "2nd floor, quiet zone", "Friedrichstraße", "68", "2"},
            {"Desk 3.02 – Team Payments", "3rd floor, team area", "Friedrichstraße", "68", "3"},
            {"Desk 3.07 – Team Payments", "3rd floor, team area", "Friedrichstraße", "68", "3"},
            {"Desk 3.11 – Corner", "3rd floor, corner by the kitchen", "Friedrichstraße", "68", "3"},
            {"Focus Room 4.01", "4th floor, focus room", "Friedrichstraße", "68", "4"},
            {"Reception", "Ground floor, main entrance", "Friedrichstraße", "68", "0"},
            {"Desk K-1 – Kreuzberg hub", "Kreuzberg hub, open space", "Oranienstraße", "185", "1"},
            {"Desk K-2 – Kreuzberg hub", "Kreuzberg hub, open space", "Oranienstraße", "185", "1"},
            {"Desk K-3 – Kreuzberg hub", "Kreuzberg hub, by the stairs", null, null, "1"},
            {"Desk 2.30 – Pop-up", null, null, null, null}};

    final Tenant tenant;
    final List<User> people = new ArrayList<>();
    final List<Device> desks = new ArrayList<>();

    BusyMorning(TestHotdesk hd) {
        HotdeskCore core = hd.core();
        Tenant created = core.tenants().create("Nordlicht Logistik GmbH", "nordlicht.example", TestHotdesk.ADMIN);
        TenantSettings settings = new TenantSettings(new SessionPolicy(240, 10, LocalTime.of(19, 0)),
                created.settings().multipleLogin(), created.settings().lockout(), created.settings().otp(),
                ZoneId.of("Europe/Berlin"), List.of("112", "110"),
                new CallRouting("sip:sbc.nordlicht.example:5060", "sip:trunk.nordlicht.example",
                        "https://alarm.nordlicht.example/hotdesk"),
                created.settings().featureCodes(), "de", new TrustedNetworks(List.of("10.20.0.0/16", "192.0.2.0/24")),
                created.settings().provisioning());
        tenant = core.tenants().updateSettings(created.id(), settings, TestHotdesk.ADMIN);
        for (String[] p : PEOPLE) {
            people.add(core.users().create(tenant.id(), new NewUser(p[0], p[1], "4711", true, null), TestHotdesk.ADMIN));
        }
        int n = 0;
        for (String[] d : DESKS) {
            n++;
            CivicAddress where = new CivicAddress(d[1], d[2] == null ? null : "DE", "Berlin", d[2] == null ? null : "Berlin",
                    d[2], d[3], d[2] == null ? null : "10117", null, d[4], null);
            desks.add(core.devices().add(tenant.id(), new NewDevice(MacAddress.parse(String.format("805ec0%06x", n)),
                    d[0], Vendor.YEALINK, "T54W", where, null), TestHotdesk.ADMIN));
        }
    }

    User person(String name) {
        return people.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    Device desk(String name) {
        return desks.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}
