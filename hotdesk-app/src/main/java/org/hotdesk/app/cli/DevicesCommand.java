package org.hotdesk.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.site.CivicAddress;
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

        CivicAddress toLocation() {
            return new CivicAddress(description, country, region, city, street, houseNumber, postalCode, building, floor,
                    room, callbackNumber);
        }
    }

    @Command(name = "list", description = "A tenant's devices with their session state.")
    int list(@Option(names = {"-t", "--tenant"}, required = true) String tenant) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Table table = new Table("ID", "MAC", "PORT", "NAME", "VENDOR", "MODEL", "SIP_USERNAME", "ENABLED", "MODE",
                    "PROVISIONED", "REGISTERED", "SESSION", "EMERGENCY_LOCATION");
            int limit = t.settings().provisioning().fetchLimit();
            for (Device d : w.core().devices().list(t.id())) {
                String session = w.core().sessions().openSessionOf(d.id())
                        .map(s -> w.core().users().findById(s.userId()).map(u -> u.extension()).orElse("?")
                                + " since " + s.startedAt())
                        .orElse("idle");
                String registered = w.core().registrations().ofDevice(d.id()).stream()
                        .map(r -> r.source() + "/" + r.transport()).reduce((a, b) -> a + "," + b).orElse("no");
                table.row(d.id(), d.mac().colonSeparated(), d.linePort(), d.name(), d.vendor().id(), d.model(),
                        d.sipUsername(), d.enabled(), d.provisioning().mode().id(), d.provisionCount() + "/" + limit,
                        registered, session,
                        emergencyLocation(w.core().devices().addressOf(d)));
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
            @ArgGroup(exclusive = false) LocationOptions location,
            @ArgGroup(exclusive = false) ProvisioningOptions provisioning) {
        try (Wiring w = open()) {
            NewDevice request = request(mac, name, vendor, model, location, provisioning);
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
                   @ArgGroup(exclusive = false) LocationOptions location,
                   @ArgGroup(exclusive = false) ProvisioningOptions provisioning) {
        try (Wiring w = open()) {
            NewDevice request = request(mac, name, vendor, model, location, provisioning);
            Tenant t = tenant(w, tenant);
            printAccounts(w.core().gateways().add(t.id(), request, ports, CLI));
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
        CivicAddress where = location == null ? CivicAddress.NONE : location.toLocation();
        MacAddress.parse(mac);
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Device d = w.core().devices().setLocation(t.id(), device(w, t, mac, port).id(), where, CLI);
            out().printf("device %s: %s%n", d.label(), emergencyLocation(w.core().devices().addressOf(d)));
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
            out().printf("device %s: %s%n", d.label(), emergencyLocation(w.core().devices().addressOf(d)));
        }
        return 0;
    }

    /** What the device list says about a desk's emergency location. */
    static String emergencyLocation(CivicAddress l) {
        if (!l.isDispatchable()) return "no emergency location";
        StringBuilder text = new StringBuilder(l.street());
        if (l.houseNumber() != null) text.append(' ').append(l.houseNumber());
        text.append(", ").append(l.city()).append(", ").append(l.country());
        if (l.floor() != null) text.append(", floor ").append(l.floor());
        if (l.room() != null) text.append(", room ").append(l.room());
        if (l.callbackNumber() != null) text.append(", callback ").append(l.callbackNumber());
        return text.toString();
    }

    @Command(name = "set-provisioning", description = "Change how a phone's or gateway's configuration is rendered; "
            + "options not given keep their value. A running server tells a registered phone to re-sync within seconds.")
    int setProvisioning(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
                        @Option(names = "--mac", required = true) String mac,
                        @ArgGroup(exclusive = false, multiplicity = "1") ProvisioningOptions options) {
        MacAddress address = MacAddress.parse(mac);
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            var phone = w.core().devices().findByMac(address, 0).filter(d -> d.tenantId() == t.id());
            if (phone.isPresent()) {
                Device d = w.core().devices().setProvisioning(t.id(), phone.get().id(),
                        options.applyTo(phone.get().provisioning()), CLI);
                out().printf("device %s: %s%n", d.label(), describe(d.provisioning()));
            } else {
                Gateway g = w.core().gateways().byMac(t.id(), address);
                g = w.core().gateways().setProvisioning(t.id(), g.id(), options.applyTo(g.provisioning()), CLI);
                out().printf("gateway %s: %s%n", g.mac().colonSeparated(), describe(g.provisioning()));
            }
        }
        return 0;
    }

    @Command(name = "reset-counter", description = "Reset provision counters (B3 \"Reset Provision Counter\"): "
            + "devices past the tenant's limit may fetch their configuration again. All named devices or none.")
    int resetCounter(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
                     @Option(names = "--mac", description = "repeat for several; a gateway's MAC resets all its lines")
                     List<String> macs,
                     @Option(names = "--all", description = "every device of the tenant") boolean all) {
        if ((macs == null || macs.isEmpty()) == !all) {
            throw new InvalidInputException("mac", "name devices with --mac, or use --all (not both)");
        }
        List<MacAddress> parsed = macs == null ? List.of() : macs.stream().map(MacAddress::parse).toList();
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            List<Long> ids = new ArrayList<>();
            if (all) {
                w.core().devices().list(t.id()).forEach(d -> ids.add(d.id()));
            } else {
                for (MacAddress m : parsed) {
                    var phone = w.core().devices().findByMac(m, 0).filter(d -> d.tenantId() == t.id());
                    ids.add(phone.isPresent() ? phone.get().id()
                            : w.core().gateways().linesOf(w.core().gateways().byMac(t.id(), m)).get(0).id());
                }
            }
            if (ids.isEmpty()) {
                out().println("no devices");
                return 0;
            }
            int reset = w.provisionCounter().resetAll(t.id(), ids, CLI);
            out().printf("provision counter reset on %d device%s%n", reset, reset == 1 ? "" : "s");
        }
        return 0;
    }

    private static String describe(DeviceProvisioning p) {
        return "mode " + p.mode().id() + ", " + p.transport().id() + (p.sipPort() == 0 ? "" : " port " + p.sipPort())
                + ", domain " + (p.sipDomain() == null ? "tenant's" : p.sipDomain())
                + ", ntp " + (p.ntpServer() == null ? "tenant's" : p.ntpServer());
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
    private static NewDevice request(String mac, String name, String vendor, String model, LocationOptions location,
                                     ProvisioningOptions provisioning) {
        return new NewDevice(MacAddress.parse(mac), name, Vendor.parse(vendor), model,
                location == null ? null : location.toLocation(), null, ProvisioningOptions.orDefault(provisioning));
    }

    private void printAccounts(List<Device> devices) {
        Table table = new Table("ID", "MAC", "PORT", "NAME", "SIP_USERNAME", "SIP_PASSWORD");
        devices.forEach(d -> table.row(d.id(), d.mac().colonSeparated(), d.linePort(), d.name(), d.sipUsername(), d.sipPassword()));
        table.print(out());
    }
}
