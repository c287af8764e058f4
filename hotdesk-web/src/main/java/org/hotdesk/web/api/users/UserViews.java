package org.hotdesk.web.api.users;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.User;

/**
 * A user as an admin's "Users" table shows them: the account, whether wrong PINs locked it, and the desk
 * they sit at now. Never a PIN or a hash.
 */
final class UserViews {
    private final HotdeskCore core;

    UserViews(HotdeskCore core) {
        this.core = core;
    }

    /**
     * @param sipAccount  the user has their own SIP account (personal phone or softphone)
     * @param lockedUntil when the lock from wrong PINs / codes ends; null when not locked
     * @param session     the desk they logged in at most recently and are still at; null when at none
     */
    public record UserView(long id, String extension, String name, boolean hotDesk, boolean enabled,
                           boolean sipAccount, boolean locked, Instant lockedUntil, Instant createdAt,
                           UserDeskView session) {
    }

    /** Where someone is logged in. */
    public record UserDeskView(long sessionId, long deviceId, String deviceName, Instant since, LoginMethod method) {
    }

    UserView of(User user) {
        return view(user, openSessions(user.tenantId()), devices(user.tenantId()));
    }

    List<UserView> of(long tenantId, List<User> users) {
        Map<Long, List<Session>> open = openSessions(tenantId);
        Map<Long, Device> devices = devices(tenantId);
        return users.stream().map(u -> view(u, open, devices)).toList();
    }

    /** The user's open sessions, newest first. */
    List<Session> openSessionsOf(User user) {
        return openSessions(user.tenantId()).getOrDefault(user.id(), List.of());
    }

    static String deviceName(Device d) {
        return d.name() == null || d.name().isBlank() ? d.label() : d.name();
    }

    private UserView view(User u, Map<Long, List<Session>> open, Map<Long, Device> devices) {
        Instant lockedUntil = core.attempts().lockedUntil(u.tenantId(), LockKey.user(u.id())).orElse(null);
        UserDeskView desk = open.getOrDefault(u.id(), List.of()).stream().findFirst()
                .map(s -> new UserDeskView(s.id(), s.deviceId(), name(devices, s.deviceId()), s.startedAt(), s.method()))
                .orElse(null);
        return new UserView(u.id(), u.extension(), u.name(), u.hotDesk(), u.enabled(), u.hasOwnSipAccount(),
                lockedUntil != null, lockedUntil, u.createdAt(), desk);
    }

    private static String name(Map<Long, Device> devices, long deviceId) {
        Device d = devices.get(deviceId);
        return d == null ? null : deviceName(d);
    }

    private Map<Long, List<Session>> openSessions(long tenantId) {
        return core.sessions().listOpen(tenantId).stream()
                .sorted(Comparator.comparing(Session::startedAt).reversed())
                .collect(Collectors.groupingBy(Session::userId));
    }

    private Map<Long, Device> devices(long tenantId) {
        return core.devices().list(tenantId).stream().collect(Collectors.toMap(Device::id, Function.identity()));
    }
}
