package org.hotdesk.core.forwarding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserStore;

/** Each person's call forwarding, set by admins or by the person (on /me or with their own token). */
public final class ForwardingService {
    private final Transactions tx;
    private final ForwardingStore store;
    private final UserStore users;
    private final TenantStore tenants;
    private final AuditLog audit;
    private final Clock clock;

    public ForwardingService(Transactions tx, ForwardingStore store, UserStore users, TenantStore tenants,
                             AuditLog audit, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.users = users;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    public Forwarding get(long tenantId, long userId) {
        user(tenantId, userId);
        return store.find(userId);
    }

    /** The rules the router follows; no check that the person exists (the router just found them). */
    public Forwarding of(long userId) {
        return store.find(userId);
    }

    /**
     * Reads a target as a person typed it for this tenant ({@code 1002}, {@code +4930123456}, {@code voicemail}),
     * refusing what cannot work: the person's own extension, voicemail with no voicemail server set, a number
     * outside with no outbound trunk.
     */
    public ForwardTarget target(long tenantId, long userId, String text, String field) {
        if (text == null || text.isBlank()) return null;
        User user = user(tenantId, userId);
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
        ForwardTarget target = ForwardTarget.parse(text, field, ext -> users.findByExtension(tenantId, ext).isPresent());
        switch (target) {
            case ForwardTarget.Extension e when e.extension().equals(user.extension()) ->
                    throw new InvalidInputException(field, "forwards " + user.extension() + " to itself");
            case ForwardTarget.Voicemail v when tenant.settings().routing().voicemailUri() == null ->
                    throw new InvalidInputException(field, "no voicemail server is set for this company "
                            + "(settings: voicemailUri)");
            case ForwardTarget.External x when tenant.settings().routing().outboundTrunkUri() == null ->
                    throw new InvalidInputException(field, x.text() + " is outside and this company has no outbound "
                            + "trunk (settings: outboundTrunkUri)");
            default -> {
            }
        }
        return target;
    }

    /**
     * Everything wrong with {@code request} for this person, all at once, so a form can name every wrong field:
     * {@code always}, {@code busy}, {@code noAnswer.target}, {@code noAnswer.afterSeconds}, {@code unreachable}.
     * Empty when {@link #set(long, long, ForwardingRequest, Actor)} would save it.
     */
    public List<HotdeskException> problemsOf(long tenantId, long userId, ForwardingRequest request) {
        List<HotdeskException> problems = new ArrayList<>();
        read(tenantId, userId, request, problems);
        return problems;
    }

    /** Checks {@code request} and replaces the person's rules with it; the first problem refuses it, changing nothing. */
    public Forwarding set(long tenantId, long userId, ForwardingRequest request, Actor actor) {
        List<HotdeskException> problems = new ArrayList<>();
        Forwarding forwarding = read(tenantId, userId, request, problems);
        if (!problems.isEmpty()) throw problems.get(0);
        return set(tenantId, userId, forwarding, actor);
    }

    private Forwarding read(long tenantId, long userId, ForwardingRequest request, List<HotdeskException> problems) {
        user(tenantId, userId);
        ForwardTarget always = collect(tenantId, userId, request.always(), "always", problems);
        ForwardTarget busy = collect(tenantId, userId, request.busy(), "busy", problems);
        NoAnswer noAnswer = null;
        ForwardingRequest.NoAnswerText na = request.noAnswer();
        if (na != null) {
            ForwardTarget target = collect(tenantId, userId, na.target(), "noAnswer.target", problems);
            if (target == null && (na.target() == null || na.target().isBlank())) {
                problems.add(new InvalidInputException("noAnswer.target", "is required: where calls nobody answers go"));
            }
            int seconds = na.afterSeconds() == null ? NoAnswer.DEFAULT_SECONDS : na.afterSeconds();
            try {
                // a placeholder target when the real one is wrong, so the seconds are still checked
                noAnswer = new NoAnswer(target == null ? new ForwardTarget.Voicemail() : target, seconds);
            } catch (InvalidInputException e) {
                problems.add(e);
            }
        }
        ForwardTarget unreachable = collect(tenantId, userId, request.unreachable(), "unreachable", problems);
        return new Forwarding(always, busy, noAnswer, unreachable);
    }

    private ForwardTarget collect(long tenantId, long userId, String text, String field,
                                  List<HotdeskException> problems) {
        try {
            return target(tenantId, userId, text, field);
        } catch (InvalidInputException e) {
            problems.add(e);
            return null;
        }
    }

    /** Replaces the person's rules (every target already read by {@link #target}). */
    public Forwarding set(long tenantId, long userId, Forwarding forwarding, Actor actor) {
        User user = user(tenantId, userId);
        return tx.inTransaction(() -> {
            store.save(userId, forwarding);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "forwarding.changed",
                    "user:" + user.id() + "/" + user.extension(), null, describe(forwarding)));
            return forwarding;
        });
    }

    private User user(long tenantId, long userId) {
        return users.findById(userId).filter(u -> u.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("user", userId));
    }

    static String describe(Forwarding f) {
        if (f.isNone()) return "none";
        StringBuilder s = new StringBuilder();
        if (f.always() != null) s.append("always=").append(f.always().text()).append(' ');
        if (f.busy() != null) s.append("busy=").append(f.busy().text()).append(' ');
        if (f.noAnswer() != null) {
            s.append("noAnswer=").append(f.noAnswer().target().text()).append('/').append(f.noAnswer().afterSeconds())
                    .append("s ");
        }
        if (f.unreachable() != null) s.append("unreachable=").append(f.unreachable().text());
        return s.toString().trim();
    }
}
