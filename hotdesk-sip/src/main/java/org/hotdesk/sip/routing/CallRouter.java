package org.hotdesk.sip.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.call.CallOutcome;
import org.hotdesk.core.dialog.DialogWatch;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.routing.Caller;
import org.hotdesk.core.routing.RouteDecision;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.FeatureCode;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.emergency.LocationConveyance;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.registrar.Authentication;
import org.hotdesk.sip.registrar.SipAccount;
import org.hotdesk.sip.stack.ServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decides every new call by the session (DESIGN.md "The core decision"): feature codes log in and out, an
 * idle device reaches only emergency numbers, an extension rings the user's own phones and every desk
 * they sit at, other numbers go to the tenant's trunk. Calls out of a desk carry the user's identity.
 */
public final class CallRouter {
    private static final Logger log = LoggerFactory.getLogger(CallRouter.class);

    private final HotdeskCore core;
    private final Authentication auth;
    private final Proxy proxy;
    private final VoiceLogins voiceLogins;
    private final ServerAnswers answers;
    /** Answered calls by Call-ID, so the BYE (which names no tenant) can close the record. */
    private final Map<String, Long> connected = new ConcurrentHashMap<>();

    private final SourceGuard guard;
    private final LocationConveyance conveyance;

    public CallRouter(HotdeskCore core, Authentication auth, Proxy proxy, ServerAnswers answers,
                      VoiceLogins voiceLogins, SourceGuard guard, LocationConveyance conveyance) {
        this.guard = guard;
        this.conveyance = conveyance;
        this.core = core;
        this.auth = auth;
        this.proxy = proxy;
        this.voiceLogins = voiceLogins;
        this.answers = answers;
    }

    public void invite(ServerRequest event) {
        SipRequest request = event.request();
        if (request.maxForwards() == 0) {
            event.reply(483, null);
            return;
        }
        SipUri uri = request.requestUri();
        String dialled = uri.isSip() && uri.user() != null ? DialString.decode(uri.user()) : null;
        int priorDiversions = DiversionHeaders.count(request);
        String source = event.origin().host();
        // a trunk's carrier does not answer challenges: its calls are known by where they come from
        if (!request.has("Proxy-Authorization") && core.router().isTrunk(source)) {
            fromTrunk(event, source, dialled, priorDiversions);
            return;
        }
        SipUri fromUri = request.from().uri();
        if (!fromUri.isSip()) {
            event.reply(403, "From must be a sip: URI");
            return;
        }
        Optional<SipAccount> account = auth.authenticate(event, fromUri.user(), fromUri.host(),
                a -> dialled != null && a.tenant().settings().emergencyNumbers().contains(dialled));
        if (account.isEmpty()) return;
        Caller.Phone caller = callerOf(account.get());
        MDC.put("tenant", caller.tenant().domain());
        if (caller.device() != null) MDC.put("mac", caller.device().label());
        caller.user().ifPresent(u -> MDC.put("user", u.extension()));

        RouteDecision decision = core.router().route(caller, dialled, priorDiversions);
        switch (decision) {
            case RouteDecision.Code code -> featureCode(event, caller, code.code());
            case RouteDecision.Emergency emergency -> emergency(event, caller, emergency.dialled());
            case RouteDecision.Refused refused when refused.status() == 403 -> {
                log.info("call refused: {} dialled={}", refused.reason(), dialled);
                event.reply(refused.status(), refused.reason());
            }
            case RouteDecision.Refused refused when refused.status() == 404 -> event.reply(404, refused.reason());
            default -> connect(event, caller, dialled, decision);
        }
    }

    /** A call from outside: no challenge, the carrier's caller ID kept, the DID's person rung. */
    private void fromTrunk(ServerRequest event, String source, String dialled, int priorDiversions) {
        Caller.Outside caller = core.router().outsideCaller(source, dialled).orElseThrow();
        MDC.put("tenant", caller.tenant().domain());
        MDC.put("trunk", caller.trunk().name());
        if (dialled == null || dialled.isEmpty()) {
            event.reply(404, "No number dialled");
            return;
        }
        RouteDecision decision = core.router().fromTrunk(source, dialled, priorDiversions);
        if (decision instanceof RouteDecision.Refused refused && refused.status() == 404) {
            log.info("trunk call to unknown number dialled={}", dialled);
            event.reply(404, refused.reason());
            return;
        }
        connect(event, caller, dialled, decision);
    }

    /** Rings, forwards or sends out, with one call record for the whole call. */
    private void connect(ServerRequest event, Caller caller, String dialled, RouteDecision decision) {
        Long callee = decision instanceof RouteDecision.Ring ring && ring.extension() != null ? ring.userId() : null;
        String callId = event.request().callId();
        CallObserver observer = new DialogTracking(core.dialogs(), callId, record(event, caller, dialled, callee));
        if (caller instanceof Caller.Phone phone && phone.userId() != null) {
            core.dialogs().ringing(phone.userId(), callId, DialogWatch.Direction.INITIATOR, dialled);
        }
        carryOut(event, caller, decision, observer);
    }

    private void carryOut(ServerRequest event, Caller caller, RouteDecision decision, CallObserver observer) {
        switch (decision) {
            case RouteDecision.Ring ring -> {
                List<Target> targets = ring.targets().stream()
                        .map(b -> new Target(b.contact(), b.path(), b.transport(), b.deviceId())).toList();
                String callId = event.request().callId();
                if (ring.extension() != null) {
                    core.dialogs().ringing(ring.userId(), callId, DialogWatch.Direction.RECIPIENT, callerIdentity(event, caller));
                }
                Runnable leave = () -> {
                    if (ring.extension() != null) core.dialogs().ended(ring.userId(), callId);
                };
                Proxy.Fallbacks fallbacks = new Proxy.Fallbacks(
                        ring.onBusy() == null ? null : () -> {
                            leave.run();
                            carryOut(event, caller, ring.onBusy(), observer);
                        },
                        ring.noAnswer() == null ? 0 : ring.noAnswer().afterSeconds(),
                        ring.noAnswer() == null ? null : () -> {
                            leave.run();
                            carryOut(event, caller, ring.noAnswer().then(), observer);
                        });
                if (ring.extension() != null) log.debug("ringing {} at {} phones", ring.extension(), targets.size());
                proxy.fork(event, targets, r -> {
                    assertIdentity(r, caller);
                    DiversionHeaders.add(r, ring.diversions(), caller.tenant().domain());
                }, observer, fallbacks);
            }
            case RouteDecision.Outbound out -> forwardToGateway(event, out.number(), out.trunkUri(), observer, r -> {
                assertIdentity(r, caller);
                DiversionHeaders.add(r, out.diversions(), caller.tenant().domain());
            });
            case RouteDecision.Voicemail vm -> sendTo(event, vm.uri(), observer, r -> {
                assertIdentity(r, caller);
                DiversionHeaders.add(r, vm.diversions(), caller.tenant().domain());
            });
            case RouteDecision.Refused refused -> {
                if (refused.status() == 480) log.info("call not reachable");
                observer.failed(refused.status());
                event.reply(refused.status(), refused.reason());
            }
            case RouteDecision.Code code -> event.reply(500, "Cannot forward to a feature code");
            case RouteDecision.Emergency emergency -> event.reply(500, "Cannot forward to an emergency number");
        }
    }

    private void featureCode(ServerRequest event, Caller.Phone caller, FeatureCode code) {
        if (code instanceof FeatureCode.Pickup pickup) {
            pickUp(event, caller, pickup.extension());
            return;
        }
        if (caller.device() == null) {
            event.reply(403, "Hot-desk codes work on shared phones");
            return;
        }
        Actor actor = Actor.device(caller.device().label());
        switch (code) {
            case FeatureCode.OtpLogin otp -> {
                LoginResult result = guard.count(event.origin().host(), "one-time code",
                        core.logins().login(caller.deviceId(), new Credentials.Otp(otp.code()), actor));
                if (result instanceof LoginResult.Refused refused) {
                    log.info("OTP login refused reason={}", refused.refusal());
                    event.reply(refused.refusal().sipStatus(), refused.refusal().reasonPhrase());
                } else {
                    voiceLogins.confirm(event, caller, "logged_in_as", ((LoginResult.LoggedIn) result).user().extension());
                }
            }
            case FeatureCode.Logout logout -> {
                Optional<Session> ended = core.sessions().logout(caller.deviceId(), LogoutReason.USER, actor);
                if (ended.isEmpty()) {
                    event.reply(403, "Not logged in");
                } else {
                    voiceLogins.confirm(event, caller, "logged_out");
                }
            }
            case FeatureCode.ExtensionLogin ext -> voiceLogins.start(event, caller, ext.extension());
            case FeatureCode.PromptedLogin prompted -> voiceLogins.start(event, caller, null);
            case FeatureCode.Pickup pickup -> pickUp(event, caller, pickup.extension());
        }
    }

    /** Directed call pickup: the call ringing at a colleague's phones is answered at this one instead. */
    private void pickUp(ServerRequest event, Caller.Phone caller, String extension) {
        Optional<User> colleague = core.users().findByExtension(caller.tenant().id(), extension);
        Optional<DialogWatch.Dialog> ringing = colleague.flatMap(u -> core.dialogs().ringingAt(u.id()));
        if (ringing.isEmpty()) {
            event.reply(404, "No call ringing at " + extension);
            return;
        }
        String callId = ringing.get().callId();
        List<NameAddr> contacts = event.request().contacts();
        Target here = new Target(contacts.isEmpty() ? event.request().from().uri().toString() : contacts.get(0).uri().toString(),
                List.of(), event.request().topVia().transport(), caller.deviceId());
        boolean done = proxy.pickUp(callId, event, here, answers, () -> {
            core.dialogs().ended(colleague.get().id(), callId);
            caller.user().ifPresent(u -> core.dialogs().ringing(u.id(), callId, DialogWatch.Direction.RECIPIENT,
                    ringing.get().remote()));
        }, left -> {
            core.dialogs().ended(callId);
            hungUp(callId);
        });
        if (done) {
            log.info("picked up call-id={} ringing at {}", callId, extension);
        } else {
            event.reply(480, "The call is no longer ringing");
        }
    }

    private void emergency(ServerRequest event, Caller.Phone caller, String dialled) {
        CivicAddress where = caller.device() == null ? CivicAddress.NONE : core.devices().addressOf(caller.device());
        if (caller.device() != null) {
            try {
                core.emergency().raise(caller.device(), where, caller.user().orElse(null), dialled,
                        event.request().callId());
            } catch (RuntimeException e) {
                // the on-site alert failing must never hold up the call itself
                log.error("emergency alert could not be stored dialled={}", dialled, e);
            }
        }
        String gateway = caller.tenant().settings().routing().emergencyGatewayUri();
        if (gateway == null) {
            log.error("emergency call with no emergency gateway configured dialled={}", dialled);
            event.reply(503, "No emergency route");
            return;
        }
        log.warn("emergency call dialled={} gateway={}", dialled, gateway);
        forwardToGateway(event, dialled, gateway, record(event, caller, dialled, null), r -> {
            assertEmergencyIdentity(r, caller, where.callbackNumber());
            if (caller.device() != null) conveyance.attach(r, caller.device(), where, caller.tenant().domain());
        });
    }

    /**
     * The answering point calls back the desk, not the person: the desk's callback number when it has one,
     * else the same identity as any call.
     */
    private void assertEmergencyIdentity(SipRequest request, Caller.Phone caller, String callback) {
        if (callback == null) {
            assertIdentity(request, caller);
            return;
        }
        request.removeAll("P-Asserted-Identity");
        request.removeAll("P-Preferred-Identity");
        String name = caller.displayName().replace("\"", "");
        request.addLast("P-Asserted-Identity",
                "\"" + name + "\" <sip:" + callback + "@" + caller.tenant().domain() + ";user=phone>");
    }

    private void forwardToGateway(ServerRequest event, String dialled, String gatewayUri, CallObserver observer,
                                  Consumer<SipRequest> decorate) {
        String uri;
        try {
            SipUri gw = SipUri.parse(gatewayUri);
            if (!gw.isSip()) throw new IllegalArgumentException("not a sip: URI");
            uri = gw.withUser(dialled).toString();
        } catch (RuntimeException e) {
            log.error("gateway URI {} unusable: {}", gatewayUri, e.getMessage());
            observer.failed(500);
            event.reply(500, "Gateway misconfigured");
            return;
        }
        sendTo(event, uri, observer, decorate);
    }

    /** One target outside this server: a gateway, the trunk, the voicemail server. */
    private void sendTo(ServerRequest event, String uri, CallObserver observer, Consumer<SipRequest> decorate) {
        String transport = uri.contains("transport=tcp") ? "tcp" : "udp";
        proxy.fork(event, List.of(new Target(uri, List.of(), transport, null)), decorate, observer, Proxy.Fallbacks.NONE);
    }

    /**
     * The callee sees who is at the desk, not the desk: P-Asserted-Identity set by this server, never by the phone.
     * A call from outside keeps what the carrier asserted: the caller's own number.
     */
    private void assertIdentity(SipRequest request, Caller anyCaller) {
        if (!(anyCaller instanceof Caller.Phone caller)) return;
        request.removeAll("P-Asserted-Identity");
        request.removeAll("P-Preferred-Identity");
        String name = caller.displayName().replace("\"", "");
        request.addLast("P-Asserted-Identity",
                "\"" + name + "\" <sip:" + caller.identity() + "@" + caller.tenant().domain() + ">");
    }

    private Caller.Phone callerOf(SipAccount account) {
        return switch (account) {
            case SipAccount.DeviceAccount d -> new Caller.Phone(d.tenant(), d.device(),
                    core.sessions().openSessionOf(d.device().id()).flatMap(s -> core.users().findById(s.userId())));
            case SipAccount.UserAccount u -> new Caller.Phone(u.tenant(), null, Optional.of(u.user()));
            case SipAccount.PhoneKeyAccount p -> new Caller.Phone(p.tenant(), p.device(), Optional.of(p.user()));
        };
    }

    /** Starts the call record; the observer completes it from what the proxy sees. */
    private CallObserver record(ServerRequest event, Caller caller, String dialled, Long calleeUserId) {
        long tenantId = caller.tenant().id();
        String callId = event.request().callId();
        switch (caller) {
            case Caller.Phone p -> core.calls().started(tenantId, callId, p.deviceId(), p.userId(), p.identity(), dialled,
                    calleeUserId);
            case Caller.Outside o -> core.calls().started(tenantId, callId, null, null, outsideIdentity(event.request()),
                    dialled, calleeUserId);
        }
        return new CallObserver() {
            public void answered(Target target) {
                connected.put(callId, tenantId);
                core.calls().answered(tenantId, callId, target.deviceId());
            }

            public void failed(int status) {
                core.calls().ended(tenantId, callId, outcome(status));
            }

            public void cancelled() {
                core.calls().ended(tenantId, callId, CallOutcome.CANCELLED);
            }
        };
    }

    /** Who a lamp or a pickup shows as calling: the caller's extension, or their number from outside. */
    private static String callerIdentity(ServerRequest event, Caller caller) {
        return caller instanceof Caller.Phone p ? p.identity() : outsideIdentity(event.request());
    }

    /** The caller's number as the carrier sent it (its asserted identity, else the From), for the call record. */
    private static String outsideIdentity(SipRequest request) {
        String asserted = request.header("P-Asserted-Identity");
        try {
            SipUri uri = asserted != null ? NameAddr.parse(asserted).uri() : request.from().uri();
            if (uri.isSip() && uri.user() != null) return uri.user();
        } catch (RuntimeException e) {
            // an unreadable identity: the From's user below
        }
        String user = request.from().uri().isSip() ? request.from().uri().user() : null;
        return user == null || user.isEmpty() ? "anonymous" : user;
    }

    static CallOutcome outcome(int status) {
        return switch (status) {
            case 486, 600 -> CallOutcome.BUSY;
            case 408, 480 -> CallOutcome.NO_ANSWER;
            case 403, 603 -> CallOutcome.REJECTED;
            case 487 -> CallOutcome.CANCELLED;
            default -> CallOutcome.FAILED;
        };
    }

    /** A BYE relayed through this server ends the call record (and restarts the idle timers). */
    public void hungUp(String callId) {
        core.dialogs().ended(callId);
        Long tenantId = connected.remove(callId);
        if (tenantId != null) core.calls().ended(tenantId, callId, CallOutcome.ANSWERED);
    }
}
