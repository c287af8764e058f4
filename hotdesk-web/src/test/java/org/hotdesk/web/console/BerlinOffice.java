package org.hotdesk.web.console;

import java.time.Duration;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.WebTestServer;

/** A realistic tenant for the screenshots: an office in Berlin with desks and gateways in every state. */
final class BerlinOffice {
    final Tenant tenant;
    final List<Device> desks;

    BerlinOffice(WebTestServer server, ConsoleDesks d) {
        HotdeskCore core = server.core();
        tenant = server.hotdesk().phoneKeyLogin(server.hotdesk().tenant("acme-berlin.example"));
        Site hq = core.sites().create(tenant.id(), "Berlin HQ", new CivicAddress(null, "DE", "Berlin", "Berlin",
                "Friedrichstraße", "68", "10117", null, null, null), TestHotdesk.ADMIN);
        User alice = d.user(tenant, "1001", "Alice Smith");
        User jonas = d.user(tenant, "1002", "Jonas Weber");
        User mira = d.user(tenant, "1003", "Mira Okafor");
        User lukas = d.user(tenant, "1004", "Lukas Becker");

        Device window = atSite(core, hq, d.desk(tenant, "80:5e:c0:21:02:14", "Desk 2.14 – Window", Vendor.YEALINK,
                "T54W", floor("2", "2.14")));
        Device window2 = atSite(core, hq, d.desk(tenant, "80:5e:c0:21:02:15", "Desk 2.15 – Window", Vendor.YEALINK,
                "T54W", floor("2", "2.15")));
        Device kitchen = atSite(core, hq, d.desk(tenant, "00:04:13:8a:02:20", "Desk 2.20 – Kitchen", Vendor.SNOM,
                "D785", floor("2", "2.20")));
        Device focus = atSite(core, hq, d.desk(tenant, "64:16:7f:3c:03:02", "Desk 3.02 – Focus room", Vendor.POLY,
                "VVX 450", floor("3", "3.02")));
        Device spree = d.desk(tenant, "70:7d:b9:55:04:01", "Meeting room Spree", Vendor.CISCO, "8865",
                new CivicAddress("Fourth floor, glass room", "DE", "Berlin", "Berlin", "Schlesische Straße", "26", "10997",
                        null, "4", "4.01"));
        Device reception = atSite(core, hq, d.desk(tenant, "c0:74:ad:19:00:01", "Reception", Vendor.GRANDSTREAM,
                "GRP2614", new CivicAddress("Front desk", null, null, null, null, null, null, null, "0", null)));
        Device lab = d.desk(tenant, "0c:38:3e:44:05:11", "Lab bench 5.11", Vendor.FANVIL, "X6U", CivicAddress.NONE);
        desks = List.of(window, window2, kitchen, focus, spree, reception, lab);

        core.devices().setProvisioning(tenant.id(), window.id(),
                new DeviceProvisioning(ProvisioningMode.PHONE_KEY, SipTransport.TLS, 5061, null, null), TestHotdesk.ADMIN);
        d.fetched(window, 4);
        d.fetched(window2, 2);
        d.fetched(kitchen, 9);
        d.fetched(focus, 20);
        d.fetched(spree, 1);
        d.fetched(reception, 14);

        server.hotdesk().clock().advance(Duration.ofMinutes(12));
        d.otpLogin(tenant, window, alice);
        server.hotdesk().clock().advance(Duration.ofMinutes(41));
        core.logins().login(window2.id(), new Credentials.ExtensionPin("1002", "47111"), TestHotdesk.ADMIN);
        server.hotdesk().clock().advance(Duration.ofMinutes(66));
        d.adminLogin(spree, mira);
        // registered now: bindings last an hour from here
        d.register(window, "10.20.2.14:5060", "Yealink SIP-T54W 96.86.0.70");
        d.register(window2, "10.20.2.15:5060", "Yealink SIP-T54W 96.86.0.70");
        d.register(kitchen, "10.20.2.20:5060", "snom D785/10.1.159.12");
        d.register(spree, "10.40.4.1:5060", "Cisco/CP-8865-3PCC-12.0.1");
        d.register(reception, "10.20.0.10:5060", "Grandstream GRP2614 1.0.5.67");

        // a 4-port ATA in the warehouse and a 2-port one at reception
        List<Device> ata = core.gateways().add(tenant.id(), new NewDevice(MacAddress.parse("00:0b:82:6a:11:40"),
                "Warehouse ATA", Vendor.GRANDSTREAM, "HT814", null, null), 4, TestHotdesk.ADMIN);
        String[] names = {"Loading dock", "Packing station", "Cold store", "Forklift charging"};
        for (int i = 0; i < ata.size(); i++) {
            core.devices().rename(tenant.id(), ata.get(i).id(), names[i], "HT814", TestHotdesk.ADMIN);
            if (i < 3) {
                core.devices().setLocation(tenant.id(), ata.get(i).id(), new CivicAddress(null, "DE", "Berlin", "Berlin",
                        "Am Borsigturm", "42", "13507", "Hall B", null, null), TestHotdesk.ADMIN);
            }
            if (i != 3) d.register(ata.get(i), "10.60.0.40:" + (5060 + i), "Grandstream HT814 1.0.45.2");
        }
        d.adminLogin(ata.get(1), lukas);
        core.gateways().setProvisioning(tenant.id(), ata.get(0).gatewayId(),
                new DeviceProvisioning(ProvisioningMode.DIAL_CODES, SipTransport.TCP, 0, "voice.acme-berlin.example",
                        "ntp.acme-berlin.example"), TestHotdesk.ADMIN);
        List<Device> fax = core.gateways().add(tenant.id(), new NewDevice(MacAddress.parse("70:7d:b9:10:19:02"),
                "Reception ATA", Vendor.CISCO, "ATA192", null, null), 2, TestHotdesk.ADMIN);
        for (Device line : fax) {
            atSite(core, hq, line);
            core.devices().setLocation(tenant.id(), line.id(), new CivicAddress("Reception", null, null, null, null, null,
                    null, null, "0", null), TestHotdesk.ADMIN);
            d.register(line, "10.20.0.19:" + (5060 + line.linePort()), "Cisco ATA192-3PW 11.1.0");
        }
        core.devices().rename(tenant.id(), fax.get(0).id(), "Reception fax", "ATA192", TestHotdesk.ADMIN);
        core.devices().rename(tenant.id(), fax.get(1).id(), "Security desk", "ATA192", TestHotdesk.ADMIN);
    }

    private static CivicAddress floor(String floor, String room) {
        return new CivicAddress(null, null, null, null, null, null, null, null, floor, room);
    }

    private static Device atSite(HotdeskCore core, Site site, Device d) {
        return core.devices().setSite(d.tenantId(), d.id(), site, TestHotdesk.ADMIN);
    }
}
