package org.hotdesk.core.event;

import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceListener;
import org.hotdesk.core.login.PhoneKeySwitch;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.SessionDeadlines;
import org.hotdesk.core.session.SessionService;
import org.hotdesk.core.tenant.TenantListener;
import org.hotdesk.core.user.UserListener;

/**
 * What the rest of the core does when an admin edits a tenant, a person or a desk: sessions end, their timers are
 * recomputed, phones are told to fetch again, PIN digests go with phone-key login. The edited features only say
 * what happened; deciding the consequences here keeps tenants, users and devices below sessions, logins and
 * re-sync, with no way back up.
 */
public final class EditReactions implements TenantListener, UserListener, DeviceListener {
    private final SessionService sessions;
    private final SessionDeadlines deadlines;
    private final ConfigChanges configChanges;
    private final PhoneKeySwitch phoneKeySwitch;

    public EditReactions(SessionService sessions, SessionDeadlines deadlines, ConfigChanges configChanges,
                         PhoneKeySwitch phoneKeySwitch) {
        this.sessions = sessions;
        this.deadlines = deadlines;
        this.configChanges = configChanges;
        this.phoneKeySwitch = phoneKeySwitch;
    }

    @Override
    public void settingsChanged(long tenantId, boolean phonesShowIt) {
        deadlines.recomputeForTenant(tenantId);
        if (phonesShowIt) {
            configChanges.ofTenant(tenantId, "tenant settings");
        }
    }

    @Override
    public void phoneKeyLoginTurningOff(long tenantId, Actor actor) {
        phoneKeySwitch.turnOff(tenantId, actor);
    }

    @Override
    public void provisioningUrlChanged(long tenantId) {
        // announced like a tenant-wide edit, also from the command line: phones still on the old URL learn at once
        configChanges.ofTenant(tenantId, "provisioning URL");
    }

    @Override
    public void hotDeskRevoked(long tenantId, long userId, Actor actor) {
        sessions.logoutUserEverywhere(tenantId, userId, LogoutReason.ADMIN, actor);
    }

    @Override
    public void disabled(long tenantId, long userId, Actor actor) {
        sessions.logoutUserEverywhere(tenantId, userId, LogoutReason.USER_DISABLED, actor);
    }

    @Override
    public void deleting(long tenantId, long userId, Actor actor) {
        sessions.logoutUserEverywhere(tenantId, userId, LogoutReason.ADMIN, actor);
    }

    @Override
    public void deskDisplayChanged(long tenantId, long userId, String what) {
        configChanges.ofDesksOf(tenantId, userId, what);
    }

    @Override
    public void configChanged(Device device, String what) {
        configChanges.ofDevice(device, what);
    }

    @Override
    public void logoutRequested(Device device, Actor actor) {
        sessions.endOpenSessionOf(device, LogoutReason.ADMIN, actor);
    }

    @Override
    public void removing(Device device, Actor actor) {
        sessions.endOpenSessionOf(device, LogoutReason.DEVICE_REMOVED, actor);
    }

    @Override
    public void policyChanged(long deviceId) {
        deadlines.recomputeForDevice(deviceId);
    }
}
