package org.hotdesk.app.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.NewUser;

/**
 * The {@code --demo} tenant: five hot-desk users with known PINs and three shared phones, so a softphone
 * can register with a device account and log in at once. Creating it again finds what is there.
 */
public final class DemoData {
    public static final String DOMAIN = "demo.hotdesk.test";
    private static final Actor DEMO = Actor.system("demo");

    record DemoUser(String extension, String name, String pin) {
    }

    record DemoDevice(String mac, String name, Vendor vendor, String model, String room) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("1001", "Alice Archer", "1357"),
            new DemoUser("1002", "Bob Baker", "2468"),
            new DemoUser("1003", "Carol Chen", "3579"),
            new DemoUser("1004", "Dan Diaz", "4680"),
            new DemoUser("1005", "Eve Evans", "5791"));

    static final List<DemoDevice> DEVICES = List.of(
            new DemoDevice("00:15:65:de:00:01", "Desk 2.01", Vendor.YEALINK, "T54W", "2.01"),
            new DemoDevice("00:04:f2:de:00:02", "Desk 2.02", Vendor.POLY, "VVX 450", "2.02"),
            new DemoDevice("00:04:13:de:00:03", "Desk 2.03", Vendor.SNOM, "D785", "2.03"));

    private DemoData() {
    }

    /** Creates what is missing of the demo tenant and returns it all. */
    public static Tenant ensure(HotdeskCore core) {
        Optional<Tenant> existing = core.tenants().list().stream().filter(t -> t.domain().equals(DOMAIN)).findFirst();
        Tenant tenant = existing.orElseGet(() -> core.tenants().create("Demo Company", DOMAIN, DEMO));
        if (!tenant.settings().phoneKeyLogin()) {
            // the demo shows every way of logging in, the phone's own hot-desk key too; on before the users are
            // made, so their PINs get the digest it needs
            tenant = core.tenants().updateSettings(tenant.id(), tenant.settings().withPhoneKeyLogin(true), DEMO);
        }
        for (DemoUser u : USERS) {
            if (core.users().findByExtension(tenant.id(), u.extension()).isEmpty()) {
                core.users().create(tenant.id(), new NewUser(u.extension(), u.name(), u.pin(), true, null), DEMO);
            }
        }
        for (DemoDevice d : DEVICES) {
            MacAddress mac = MacAddress.parse(d.mac());
            if (core.devices().findByMac(mac, 0).isEmpty()) {
                core.devices().add(tenant.id(), new NewDevice(mac, d.name(), d.vendor(), d.model(),
                        new CivicAddress("Open space, 2nd floor", "US", "CA", "San Francisco", "Market Street", "1",
                                "94105", "HQ", "2", d.room(), "+14155550100"), null), DEMO);
            }
        }
        return tenant;
    }

    /** What a newcomer needs to try it: who can log in with which PIN, and which device accounts to register. */
    public static void print(HotdeskCore core, Tenant tenant, String sipServer, PrintWriter out) {
        out.printf("Demo tenant %s (id %d)%n", tenant.domain(), tenant.id());
        out.println("  Users (hot-desk access; log in with extension + PIN, or an OTP from `bin/hotdesk otp`):");
        out.printf("    %-9s %-14s %s%n", "extension", "name", "PIN");
        for (DemoUser u : USERS) {
            out.printf("    %-9s %-14s %s%n", u.extension(), u.name(), u.pin());
        }
        out.printf("  Devices (register each device account to %s, domain %s; then dial 00*<OTP># to log in, 00# to log out):%n",
                sipServer, tenant.domain());
        out.printf("    %-17s %-9s %-8s %-16s %s%n", "MAC", "name", "vendor", "SIP username", "SIP password");
        List<Device> devices = new ArrayList<>(core.devices().list(tenant.id()));
        for (DemoDevice d : DEVICES) {
            devices.stream().filter(x -> x.mac().equals(MacAddress.parse(d.mac()))).findFirst().ifPresent(x ->
                    out.printf("    %-17s %-9s %-8s %-16s %s%n", x.mac().colonSeparated(), x.name(), x.vendor().id(),
                            x.sipUsername(), x.sipPassword()));
        }
        out.flush();
    }

}
