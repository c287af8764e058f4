package org.hotdesk.web.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.WebTestServer;
import org.openqa.selenium.WebDriver;

/** Desks in known states for the console's browser tests, set up through the core as the server would. */
final class ConsoleDesks {
    static final CivicAddress BERLIN_HQ = new CivicAddress(null, "DE", "Berlin", "Berlin", "Friedrichstraße", "68", "10117",
            null, null, null);

    private final WebTestServer server;
    private final HotdeskCore core;

    ConsoleDesks(WebTestServer server) {
        this.server = server;
        this.core = server.core();
    }

    Device desk(Tenant t, String mac, String name, Vendor vendor, String model, CivicAddress location) {
        return core.devices().add(t.id(), new NewDevice(MacAddress.parse(mac), name, vendor, model, location, null),
                TestHotdesk.ADMIN);
    }

    User user(Tenant t, String extension, String name) {
        return core.users().create(t.id(), new NewUser(extension, name, "4711" + extension.charAt(0), true, null),
                TestHotdesk.ADMIN);
    }

    void adminLogin(Device d, User u) {
        LoginResult r = core.logins().login(d.id(), new Credentials.Assigned(u.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
        if (!(r instanceof LoginResult.LoggedIn)) throw new AssertionError("login refused: " + r);
    }

    void otpLogin(Tenant t, Device d, User u) {
        String code = core.otps().generate(t.id(), u.id(), TestHotdesk.ADMIN).code();
        LoginResult r = core.logins().login(d.id(), new Credentials.Otp(code), TestHotdesk.ADMIN);
        if (!(r instanceof LoginResult.LoggedIn)) throw new AssertionError("login refused: " + r);
    }

    /** The device account registered from {@code source}, as the SIP registrar stores it. */
    void register(Device d, String source, String userAgent) {
        Instant now = server.hotdesk().clock().instant();
        core.ports().registrations().write(java.util.Map.of(LocationService.deviceKey(d.id()), List.of(new Registration(d.tenantId(), d.id(), null, d.sipUsername(), "sip:" + d.sipUsername() + "@" + source,
                        source, "udp", userAgent, null, List.of(), now, now.plus(Duration.ofHours(1)), "call-" + d.id()))), List.of());
    }

    void fetched(Device d, int times) {
        for (int i = 0; i < times; i++) core.ports().provisionCounts().countProvisioning(d.id());
    }

    String tenantAdminToken(Tenant t) {
        return core.access().issueTenantAdminToken(t.id(), "console test", TestHotdesk.ADMIN).secret();
    }

    /** Signs the browser in to the console with {@code token}. */
    void signIn(WebDriver browser, String token) {
        OpsConsole.signIn(browser, server, token);
    }
}
