package org.hotdesk.app.cli;

import java.util.List;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Location;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.tenant.Tenant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "devices", mixinStandardHelpOptions = true, description = "Shared phones and PSTN gateway lines.")
final class DevicesCommand extends AdminCommand {

    /** The desk's civic address: what emergency services need. */
    static final class LocationOptions {
        @Option(names = "--location", description = "free text, e.g. \"Open space, 2nd floor\"") String description;
        @Option(names = "--country") String country;
        @Option(names = "--region") String region;
        @Option(names = "--city") String city;
        @Option(names = "--street") String street;
        @Option(names = "--house-number") String houseNumber;
        @Option(names = "--postal-code") String postalCode;
        @Option(names = "--building") String building;
        @Option(names = "--floor") String floor;
        @Option(names = "--room") String room;
        @Option(names = "--callback-number", description = "the desk's emergency callback number, e.g. +14155550100")
        String callbackNumber;

        Location toLocation() {
            return new Location(description, country, region, city, street, houseNumber, postalCode, building, floor,
                    room, callbackNumber);
        }
    }

    @Command(name = "list", description = "A tenant's devices with their session state.")
    int list(@Option(names = {"-t", "--tenant"}, required = true) String tenant) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Table table = new Table("ID", "MAC", "PORT", "NAME", "VENDOR", "MODEL", "SIP_USERNAME", "ENABLED", "REGISTERED",
                    "SESSION", "EMERGENCY_LOCATION");
            for (Device d : w.core().devices().list(t.id())) {
                String session = w.core().sessions().openSessionOf(d.id())
                        .map(s -> w.core().ports().users().findById(s.userId()).map(u -> u.extension()).orElse("?")
                                + " since " + s.startedAt())
                        .orElse("idle");
                String registered = w.core().registrations().ofDevice(d.id()).stream()
                        .map(r -> r.source() + "/" + r.transport()).reduce((a, b) -> a + "," + b).orElse("no");
                table.row(d.id(), d.mac().colonSeparated(), d.linePort(), d.name(), d.vendor().id(), d.model(),
                        d.sipUsername(), d.enabled(), registered, session,
                        emergencyLocation(w.core().sites().locationOf(d)));
            }
            table.print(out());
        }
        return 0;
    }

    @Command(name = "add", description = "Add a shared phone; prints its device account (the password is shown here only).")
    int add(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
            @Option(names = "--mac", required = true) String mac,
            @Option(names = "--name") String name,
            @Option(names = "--vendor", description = "yealink, poly, snom, grandstream, cisco, fanvil, generic") String vendor,
            @Option(names = "--model") String model,
            @ArgGroup(exclusive = false) LocationOptions location) {
        try (Wiring w = open()) {
            NewDevice request = request(mac, name, vendor, model, location);
            Tenant t = tenant(w, tenant);
            Device d = w.core().devices().add(t.id(), request, CLI);
            printAccounts(List.of(d));
        }
        return 0;
    }

    @Command(name = "add-gateway", description = "Add a PSTN gateway (ATA); each port becomes a hot-desk device.")
    int addGateway(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
                   @Option(names = "--mac", required = true) String mac,
                   @Option(names = "--ports", required = true) int ports,
                   @Option(names = "--name") String name,
                   @Option(names = "--vendor") String vendor,
                   @Option(names = "--model") String model,
                   @ArgGroup(exclusive = false) LocationOptions location) {
        try (Wiring w = open()) {
            NewDevice request = request(mac, name, vendor, model, location);
            Tenant t = tenant(w, tenant);
            printAccounts(w.core().devices().addGateway(t.id(), request, ports, CLI));
        }
        return 0;
    }

    @Command(name = "set-location", description = "Set where a desk is (sent with its emergency calls); "
            + "fields not given are cleared.")
    int setLocation(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
                    @Option(names = "--mac", required = true) String mac,
                    @Option(names = "--port", defaultValue = "0", description = "gateway line; 0 for a phone") int port,
                    @ArgGroup(exclusive = false) LocationOptions location) {
        // validated before the database is opened: a bad field changes nothing
        Location where = location == null ? Location.NONE : location.toLocation();
        MacAddress.parse(mac);
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Device d = w.core().devices().setLocation(t.id(), device(w, t, mac, port).id(), where, CLI);
            out().printf("device %s: %s%n", d.label(), emergencyLocation(w.core().sites().locationOf(d)));
        }
        return 0;
    }

    @Command(name = "set-site", description = "Put a desk at a site: its address fills what the desk's own leaves empty.")
    int setSite(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
                @Option(names = "--mac", required = true) String mac,
                @Option(names = "--port", defaultValue = "0", description = "gateway line; 0 for a phone") int port,
                @Option(names = "--site", required = true, description = "the site's name; \"\" = none") String site) {
        MacAddress.parse(mac);
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Device d = w.core().devices().setSite(t.id(), device(w, t, mac, port).id(),
                    site.isBlank() ? null : w.core().sites().byName(t.id(), site), CLI);
            out().printf("device %s: %s%n", d.label(), emergencyLocation(w.core().sites().locationOf(d)));
        }
        return 0;
    }

    /** What the device list says about a desk's emergency location. */
    static String emergencyLocation(Location l) {
        if (!l.isDispatchable()) return "no emergency location";
        StringBuilder text = new StringBuilder(l.street());
        if (l.houseNumber() != null) text.append(' ').append(l.houseNumber());
        text.append(", ").append(l.city()).append(", ").append(l.country());
        if (l.floor() != null) text.append(", floor ").append(l.floor());
        if (l.room() != null) text.append(", room ").append(l.room());
        if (l.callbackNumber() != null) text.append(", callback ").append(l.callbackNumber());
        return text.toString();
    }

    @Command(name = "remove", description = "Remove a device; a user logged in there is logged out (DEVICE_REMOVED).")
    int remove(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
               @Option(names = "--mac", required = true) String mac,
               @Option(names = "--port", defaultValue = "0", description = "gateway line; 0 for a phone") int port) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Device d = device(w, t, mac, port);
            w.core().devices().remove(t.id(), d.id(), CLI);
            out().printf("device %s removed%n", d.label());
        }
        return 0;
    }

    @Command(name = "unlock", description = "Lift a device's lockout caused by failed PIN/OTP attempts.")
    int unlock(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
               @Option(names = "--mac", required = true) String mac,
               @Option(names = "--port", defaultValue = "0") int port) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Device d = device(w, t, mac, port);
            w.core().attempts().unlock(t.id(), LockKey.device(d.id()), CLI);
            out().printf("device %s unlocked%n", d.label());
        }
        return 0;
    }

    // validated before the database is opened: a bad MAC changes nothing
    private static NewDevice request(String mac, String name, String vendor, String model, LocationOptions location) {
        return new NewDevice(MacAddress.parse(mac), name, Vendor.parse(vendor), model,
                location == null ? null : location.toLocation(), null);
    }

    private void printAccounts(List<Device> devices) {
        Table table = new Table("ID", "MAC", "PORT", "NAME", "SIP_USERNAME", "SIP_PASSWORD");
        devices.forEach(d -> table.row(d.id(), d.mac().colonSeparated(), d.linePort(), d.name(), d.sipUsername(), d.sipPassword()));
        table.print(out());
    }
}
