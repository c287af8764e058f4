package org.hotdesk.store.testing;

import java.time.Instant;
import java.util.Random;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.security.BcryptSecretHasher;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.store.Database;
import org.hotdesk.store.JdbiPorts;

/** The whole core on a real database, with a clock the test moves, and helpers to set the scene. */
public final class TestHotdesk {
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    public static final Actor ADMIN = Actor.admin("test");

    private final MutableClock clock;
    private final HotdeskCore core;
    private int macCounter;

    public TestHotdesk(Database database) {
        this(database, new MutableClock(START));
    }

    /** Shares a clock, e.g. with a "restarted" instance on the same database. */
    public TestHotdesk(Database database, MutableClock clock) {
        this.clock = clock;
        // bcrypt at its minimum cost keeps the suite fast; production uses 10
        this.core = HotdeskCore.create(JdbiPorts.create(database), clock, new Random(42), new BcryptSecretHasher(4),
                TenantSettings.DEFAULT);
    }

    public HotdeskCore core() {
        return core;
    }

    public MutableClock clock() {
        return clock;
    }

    public Tenant tenant(String domain) {
        return core.tenants().create(domain, domain, ADMIN);
    }

    /** Lets the tenant's phones log people in by their own hot-desk key: PINs set from now on keep their digest. */
    public Tenant phoneKeyLogin(Tenant tenant) {
        return core.tenants().updateSettings(tenant.id(),
                core.tenants().get(tenant.id()).settings().withPhoneKeyLogin(true), ADMIN);
    }

    public User user(Tenant tenant, String extension, String pin) {
        return core.users().create(tenant.id(), new NewUser(extension, "User " + extension, pin, true, null), ADMIN);
    }

    public Device device(Tenant tenant) {
        macCounter++;
        String mac = String.format("00156500%04x", macCounter);
        return core.devices().add(tenant.id(), new NewDevice(MacAddress.parse(mac), "Desk " + macCounter,
                Vendor.YEALINK, "T54W", null, null), ADMIN);
    }
}
