package org.hotdesk.web.self;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.call.CallOutcome;
import org.hotdesk.core.call.CallRecord;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.user.User;
import org.hotdesk.web.pages.CallWords;
import org.hotdesk.web.pages.TenantTime;

/** "My recent calls": the employee's own calls, made or received, newest first, from the core's call history. */
final class RecentCalls {
    static final int SHOWN = 20;

    private final HotdeskCore core;

    RecentCalls(HotdeskCore core) {
        this.core = core;
    }

    List<MeView.CallView> of(Employee me, Instant now) {
        TenantTime time = new TenantTime(me.tenant().settings().timeZone(), now);
        // a handful of colleagues at most: asked one by one rather than loading a tenant of thousands
        Map<Long, Optional<User>> people = new HashMap<>();
        return core.calls().history(me.tenantId(), me.userId(), SHOWN).stream()
                .map(c -> line(me, c, time, now, people)).toList();
    }

    private MeView.CallView line(Employee me, CallRecord c, TenantTime time, Instant now,
                                 Map<Long, Optional<User>> people) {
        // a call to oneself is one the employee made
        boolean outgoing = c.callerUserId() != null && c.callerUserId() == me.userId();
        String other;
        if (outgoing) {
            other = person(me, c.calleeUserId(), people).map(RecentCalls::named).orElse(c.dialled());
        } else {
            other = person(me, c.callerUserId(), people).map(RecentCalls::named).orElse(c.caller());
        }
        boolean missed = !outgoing && (c.outcome() == CallOutcome.NO_ANSWER || c.outcome() == CallOutcome.CANCELLED);
        return new MeView.CallView(time.dateTime(c.startedAt()), other, outgoing,
                CallWords.talkTime(c.answeredAt(), c.endedAt(), now),
                missed ? "Missed" : CallWords.outcome(c.outcome()),
                missed ? "warn" : CallWords.outcomeClass(c.outcome()));
    }

    private Optional<User> person(Employee me, Long userId, Map<Long, Optional<User>> people) {
        if (userId == null) return Optional.empty();
        return people.computeIfAbsent(userId, id -> {
            try {
                return Optional.of(core.users().get(me.tenantId(), id));
            } catch (NotFoundException e) {
                return Optional.empty(); // removed since: the number it was shown as still says who
            }
        });
    }

    private static String named(User u) {
        return u.name() + " (" + u.extension() + ")";
    }
}
