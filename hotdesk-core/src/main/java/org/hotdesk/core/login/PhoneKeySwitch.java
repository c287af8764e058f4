package org.hotdesk.core.login;

import java.time.Clock;
import java.util.List;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.session.SessionService;
import org.hotdesk.core.user.UserStore;

/**
 * What turning a tenant's phone-key login off means: the SIP digests of its users' PINs are deleted (a database copy
 * then holds bcrypt hashes only), whoever is logged in by a phone's key is logged out at once (their phone could not
 * log them out again: that takes the PIN's digest too), and it is refused while desks still offer the phone's own
 * key, which would show their users a login that cannot work.
 */
public final class PhoneKeySwitch {
    private final DeviceStore devices;
    private final UserStore users;
    private final SessionService sessions;
    private final AuditLog audit;
    private final Clock clock;

    public PhoneKeySwitch(DeviceStore devices, UserStore users, SessionService sessions, AuditLog audit, Clock clock) {
        this.devices = devices;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Inside the settings change's transaction: refuses, or forgets every digest and ends every phone-key session. */
    public void turnOff(long tenantId, Actor actor) {
        List<String> desks = devices.list(tenantId).stream()
                .filter(d -> d.provisioning().mode() == ProvisioningMode.PHONE_KEY).map(Device::label).toList();
        if (!desks.isEmpty()) {
            throw new InvalidInputException("phoneKeyLogin", desks.size() + " desks are provisioned for phone-key login ("
                    + String.join(", ", desks.subList(0, Math.min(5, desks.size()))) + (desks.size() > 5 ? ", ..." : "")
                    + "); switch them to dial-codes first");
        }
        int cleared = users.clearPinDigests(tenantId);
        audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "tenant.pin_digests_cleared",
                "tenant:" + tenantId, "phone-key login off", cleared + " users"));
        for (Session s : sessions.listOpen(tenantId)) {
            if (s.method() == LoginMethod.PHONE_KEY) {
                sessions.logoutSession(tenantId, s.id(), LogoutReason.ADMIN, actor);
            }
        }
    }
}
