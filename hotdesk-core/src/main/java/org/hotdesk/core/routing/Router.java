package org.hotdesk.core.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.emergency.EmergencyAlertStore;
import org.hotdesk.core.forwarding.ForwardTarget;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.forwarding.ForwardingStore;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.session.SessionService;
import org.hotdesk.core.tenant.FeatureCode;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.trunk.PhoneNumber;
import org.hotdesk.core.trunk.Trunk;
import org.hotdesk.core.trunk.TrunkDirectory;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserStore;

/**
 * Decides every new call (DESIGN.md "The core decision"): feature codes log in and out, an idle desk reaches only
 * emergency numbers, an extension rings the person's own phones and every desk they sit at (after their forwarding
 * rules), other numbers leave through the tenant's trunk; a call from a trunk to one of its DIDs rings the person
 * the DID is for.
 */
public final class Router {
    /**
     * At most this many forwarding steps per call, counting those it arrived with (Diversion headers): a chain that
     * leaves and comes back through a trunk still ends.
     */
    public static final int MAX_DIVERSIONS = 5;
    /** An emergency answering point calls back within this long; after it a callback number no longer finds the desk. */
    static final Duration CALLBACK_WINDOW = Duration.ofHours(2);

    private final TenantStore tenants;
    private final UserStore users;
    private final SessionService sessions;
    private final LocationService location;
    private final ForwardingStore forwarding;
    private final TrunkDirectory trunks;
    private final EmergencyAlertStore emergencyCalls;
    private final Clock clock;

    public Router(TenantStore tenants, UserStore users, SessionService sessions, LocationService location, ForwardingStore forwarding,
                  TrunkDirectory trunks, EmergencyAlertStore emergencyCalls, Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.sessions = sessions;
        this.location = location;
        this.forwarding = forwarding;
        this.trunks = trunks;
        this.emergencyCalls = emergencyCalls;
        this.clock = clock;
    }

    /**
     * A call placed by a phone of the tenant.
     *
     * @param dialled          the number dialled (the Request-URI's user, decoded); null or empty when none
     * @param priorDiversions  forwarding steps the INVITE already carries
     */
    public RouteDecision route(Caller.Phone caller, String dialled, int priorDiversions) {
        if (dialled == null || dialled.isEmpty()) return new RouteDecision.Refused(404, "No number dialled");
        Tenant tenant = caller.tenant();
        Optional<FeatureCode> code = tenant.settings().featureCodes().match(dialled);
        if (code.isPresent() && code.get() instanceof FeatureCode.Pickup) {
            if (caller.isIdleDevice()) return new RouteDecision.Refused(403, "Hot desk login required");
            return new RouteDecision.Code(code.get());
        }
        if (code.isPresent()) {
            if (caller.device() == null) return new RouteDecision.Refused(403, "Hot-desk codes work on shared phones");
            return new RouteDecision.Code(code.get());
        }
        if (tenant.settings().emergencyNumbers().contains(dialled)) return new RouteDecision.Emergency(dialled);
        if (caller.isIdleDevice()) return new RouteDecision.Refused(403, "Hot desk login required");
        String except = caller.device() != null ? LocationService.deviceKey(caller.device().id())
                : LocationService.userKey(caller.userId());
        Optional<User> callee = users.findByExtension(tenant.id(), dialled);
        if (callee.isPresent()) {
            return new Chain(tenant, except, priorDiversions).ring(callee.get(), List.of(), new HashSet<>());
        }
        String trunk = tenant.settings().routing().outboundTrunkUri();
        if (trunk == null) return new RouteDecision.Refused(404, "No route to " + dialled);
        return new RouteDecision.Outbound(trunk, dialled, List.of());
    }

    /** True when an INVITE from {@code address} comes from one of any tenant's trunks (it is then not challenged). */
    public boolean isTrunk(String address) {
        return !trunks.fromAddress(address).isEmpty();
    }

    /**
     * A call from a trunk (the INVITE came from one of its networks): a DID rings its person; a desk's emergency
     * callback number rings the desk that made the emergency call; anything else is not a number here.
     */
    public RouteDecision fromTrunk(String source, String dialled, int priorDiversions) {
        PhoneNumber number;
        try {
            number = new PhoneNumber(dialled);
        } catch (RuntimeException e) {
            return unknownNumber();
        }
        Optional<Trunk> trunk = trunks.trunkFor(source, number);
        if (trunk.isPresent()) {
            Tenant tenant = tenantOf(trunk.get());
            Optional<User> user = users.findByExtension(tenant.id(), trunk.get().extensionFor(number));
            if (user.isEmpty()) return unknownNumber();
            return new Chain(tenant, null, priorDiversions).ring(user.get(), List.of(), new HashSet<>());
        }
        for (Trunk t : trunks.fromAddress(source)) {
            Optional<RouteDecision> callback = callbackTo(t, number);
            if (callback.isPresent()) return callback.get();
        }
        return unknownNumber();
    }

    /** The tenant of the trunk a call from {@code source} to {@code dialled} came in on, if any. */
    public Optional<Caller.Outside> outsideCaller(String source, String dialled) {
        List<Trunk> from = trunks.fromAddress(source);
        if (from.isEmpty()) return Optional.empty();
        try {
            Optional<Trunk> exact = trunks.trunkFor(source, new PhoneNumber(dialled));
            if (exact.isPresent()) return Optional.of(new Caller.Outside(tenantOf(exact.get()), exact.get()));
        } catch (RuntimeException e) {
            // not a number: the first trunk at that address answers for it
        }
        return Optional.of(new Caller.Outside(tenantOf(from.get(0)), from.get(0)));
    }

    private Tenant tenantOf(Trunk trunk) {
        return tenants.findById(trunk.tenantId()).orElseThrow();
    }

    private static RouteDecision unknownNumber() {
        return new RouteDecision.Refused(404, "Unknown number");
    }

    /**
     * The answering point calling back a desk's callback number (issue 8: the number sent with the emergency call):
     * rings the desk of the tenant's latest emergency call that sent that number, for a while after it.
     */
    private Optional<RouteDecision> callbackTo(Trunk trunk, PhoneNumber number) {
        Instant since = clock.instant().minus(CALLBACK_WINDOW);
        for (EmergencyAlert call : emergencyCalls.list(trunk.tenantId(), 20)) {
            if (call.occurredAt().isBefore(since)) break;
            String callback = call.location().callbackNumber();
            if (callback == null) continue;
            try {
                if (!new PhoneNumber(callback).digits().equals(number.digits())) continue;
            } catch (RuntimeException e) {
                continue;
            }
            List<Registration> desk = location.ofDevice(call.deviceId());
            if (desk.isEmpty()) return Optional.of(new RouteDecision.Refused(480, null));
            return Optional.of(new RouteDecision.Ring(null, 0, desk, List.of(), null, null));
        }
        return Optional.empty();
    }

    /** One call's way through forwarding rules. */
    private final class Chain {
        private final Tenant tenant;
        private final String exceptKey;
        private final int prior;

        Chain(Tenant tenant, String exceptKey, int prior) {
            this.tenant = tenant;
            this.exceptKey = exceptKey;
            this.prior = prior;
        }

        /** Rings {@code user} after their rules; {@code visited} are the people the call was forwarded away from. */
        RouteDecision ring(User user, List<Diversion> diversions, Set<Long> visited) {
            boolean mayForward = prior + diversions.size() < MAX_DIVERSIONS;
            Forwarding rules = mayForward ? forwarding.find(user.id()) : Forwarding.NONE;
            Set<Long> seen = new HashSet<>(visited);
            seen.add(user.id());
            if (rules.always() != null) {
                RouteDecision next = follow(rules.always(), user, Diversion.UNCONDITIONAL, diversions, seen);
                if (next != null) return next;
            }
            List<Registration> targets = user.enabled() ? targetsOf(user) : List.of();
            if (targets.isEmpty()) {
                RouteDecision next = rules.unreachable() == null ? null
                        : follow(rules.unreachable(), user, Diversion.UNAVAILABLE, diversions, seen);
                return next != null ? next : new RouteDecision.Refused(480, null);
            }
            RouteDecision onBusy = rules.busy() == null ? null
                    : follow(rules.busy(), user, Diversion.BUSY, diversions, seen);
            RouteDecision.NoAnswerStep noAnswer = null;
            if (rules.noAnswer() != null) {
                RouteDecision then = follow(rules.noAnswer().target(), user, Diversion.NO_ANSWER, diversions, seen);
                if (then != null) noAnswer = new RouteDecision.NoAnswerStep(rules.noAnswer().afterSeconds(), then);
            }
            return new RouteDecision.Ring(user.extension(), user.id(), targets, diversions, onBusy, noAnswer);
        }

        /** Where a rule sends the call, or null when it cannot (target gone, cycle, nothing configured). */
        private RouteDecision follow(ForwardTarget target, User from, String reason, List<Diversion> diversions,
                                     Set<Long> seen) {
            List<Diversion> more = new ArrayList<>(diversions);
            more.add(new Diversion(from.extension(), reason));
            return switch (target) {
                case ForwardTarget.Extension e -> {
                    Optional<User> next = users.findByExtension(tenant.id(), e.extension());
                    // a cycle ends at the last person before it closes: they are rung
                    if (next.isEmpty() || seen.contains(next.get().id())) yield null;
                    yield ring(next.get(), more, seen);
                }
                case ForwardTarget.External x -> {
                    String trunk = tenant.settings().routing().outboundTrunkUri();
                    yield trunk == null ? null : new RouteDecision.Outbound(trunk, x.number().text(), more);
                }
                case ForwardTarget.Voicemail v -> {
                    String server = tenant.settings().routing().voicemailUri();
                    yield server == null ? null
                            : new RouteDecision.Voicemail(mailbox(server, from.extension()), from.extension(), more);
                }
            };
        }

        /** The person's own devices and every desk they are logged in at, except the caller's own phone. */
        private List<Registration> targetsOf(User user) {
            List<Registration> targets = new ArrayList<>();
            add(targets, location.ofUser(user.id()));
            for (Session s : sessions.openSessionsOfUser(user.id())) add(targets, location.ofDevice(s.deviceId()));
            return targets;
        }

        private void add(List<Registration> targets, List<Registration> bindings) {
            for (Registration b : bindings) {
                if (!b.accountKey().equals(exceptKey)) targets.add(b);
            }
        }
    }

    /** {@code sip:vm.example.net:5060} and {@code 1001} → {@code sip:1001@vm.example.net:5060}. */
    static String mailbox(String serverUri, String extension) {
        int colon = serverUri.indexOf(':');
        String scheme = serverUri.substring(0, colon);
        String rest = serverUri.substring(colon + 1);
        int at = rest.indexOf('@');
        if (at >= 0) rest = rest.substring(at + 1);
        return scheme + ":" + extension + "@" + rest;
    }
}
