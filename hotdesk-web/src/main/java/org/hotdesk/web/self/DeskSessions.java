package org.hotdesk.web.self;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.web.pages.LocationText;

/** "Where am I logged in": the employee's open desk sessions, and logging out of them. */
final class DeskSessions {
    /** How far back an ended session still counts as the employee's own (a second tap on "Log out"). */
    private static final int OWN_HISTORY = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    /** What happened to a request to log out of one session. */
    enum Outcome { LOGGED_OUT, ALREADY_ENDED, NOT_YOURS }

    private final HotdeskCore core;

    DeskSessions(HotdeskCore core) {
        this.core = core;
    }

    List<MeView.DeskView> of(Employee me, Instant now) {
        ZoneId zone = me.tenant().settings().timeZone();
        List<MeView.DeskView> out = new ArrayList<>();
        for (Session s : open(me)) {
            Optional<Device> device = device(me, s.deviceId());
            out.add(new MeView.DeskView(s.id(), device.map(DeskSessions::deskName).orElse("Desk " + s.deviceId()),
                    device.map(d -> LocationText.where(core.devices().addressOf(d))).orElse(null), since(s.startedAt(), now, zone),
                    method(s.method())));
        }
        return out;
    }

    /** Logs out of one session, if it is this employee's; someone else's (or an unknown id) changes nothing. */
    Outcome logout(Employee me, long sessionId) {
        if (open(me).stream().anyMatch(s -> s.id() == sessionId)) {
            core.sessions().logoutSession(me.tenantId(), sessionId, LogoutReason.USER, me.principal().actor());
            return Outcome.LOGGED_OUT;
        }
        boolean own = core.sessions().history(me.tenantId(), me.userId(), null, OWN_HISTORY).stream()
                .anyMatch(s -> s.id() == sessionId);
        return own ? Outcome.ALREADY_ENDED : Outcome.NOT_YOURS;
    }

    int logoutEverywhere(Employee me) {
        return core.sessions().logoutUserEverywhere(me.tenantId(), me.userId(), LogoutReason.USER,
                me.principal().actor()).size();
    }

    /** The desk's name as the page shows it, for the "Logged out of ..." message too. */
    String deskOf(Employee me, long sessionId) {
        return open(me).stream().filter(s -> s.id() == sessionId).findFirst()
                .flatMap(s -> device(me, s.deviceId())).map(DeskSessions::deskName).orElse("that desk");
    }

    private List<Session> open(Employee me) {
        return core.sessions().listOpen(me.tenantId()).stream().filter(s -> s.userId() == me.userId()).toList();
    }

    private Optional<Device> device(Employee me, long deviceId) {
        try {
            return Optional.of(core.devices().get(me.tenantId(), deviceId));
        } catch (NotFoundException removedMeanwhile) {
            return Optional.empty();
        }
    }

    private static String deskName(Device d) {
        return d.name() == null || d.name().isBlank() ? d.label() : d.name();
    }

    private static String since(Instant startedAt, Instant now, ZoneId zone) {
        ZonedDateTime at = startedAt.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        return at.toLocalDate().equals(today) ? "today, " + TIME.format(at) : DAY_TIME.format(at);
    }

    private static String method(LoginMethod method) {
        return switch (method) {
            case OTP -> "login code";
            case FEATURE_CODE_PIN -> "extension and PIN";
            case PHONE_KEY -> "phone's hot-desk key";
            case ADMIN -> "by an administrator";
            case API -> "by an integration";
        };
    }
}
