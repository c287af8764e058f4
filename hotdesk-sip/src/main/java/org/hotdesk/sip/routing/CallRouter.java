package org.hotdesk.sip.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.call.CallOutcome;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.FeatureCode;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.emergency.LocationConveyance;
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
    private final LocationService location;
    private final Proxy proxy;
    private final VoiceLogins voiceLogins;
    /** Answered calls by Call-ID, so the BYE (which names no tenant) can close the record. */
    private final Map<String, Long> connected = new ConcurrentHashMap<>();

    private final SourceGuard guard;
    private final LocationConveyance conveyance;

    public CallRouter(HotdeskCore core, Authentication auth, LocationService location, Proxy proxy,
                      VoiceLogins voiceLogins, SourceGuard guard, LocationConveyance conveyance) {
        this.guard = guard;
        this.conveyance = conveyance;
        this.core = core;
        this.auth = auth;
        this.location = location;
        this.proxy = proxy;
        this.voiceLogins = voiceLogins;
    }

    public void invite(ServerRequest event) {
        SipRequest request = event.request();
        if (request.maxForwards() == 0) {
            event.reply(483, null);
            return;
        }
        SipUri fromUri = request.from().uri();
        if (!fromUri.isSip()) {
            event.reply(403, "From must be a sip: URI");
            return;
        }
        SipUri uri = request.requestUri();
        String dialled = uri.isSip() && uri.user() != null ? DialString.decode(uri.user()) : null;
        Optional<SipAccount> account = auth.authenticate(event, fromUri.user(), fromUri.host(),
                a -> dialled != null && a.tenant().settings().emergencyNumbers().contains(dialled));
        if (account.isEmpty()) return;
        Caller caller = callerOf(account.get());
        MDC.put("tenant", caller.tenant().domain());
        if (caller.device() != null) MDC.put("mac", caller.device().label());
        caller.user().ifPresent(u -> MDC.put("user", u.extension()));

        if (dialled == null || dialled.isEmpty()) {
            event.reply(404, "No number dialled");
            return;
        }
        Tenant tenant = caller.tenant();
        Optional<FeatureCode> code = tenant.settings().featureCodes().match(dialled);
        if (code.isPresent()) {
            featureCode(event, caller, code.get());
            return;
        }
        if (tenant.settings().emergencyNumbers().contains(dialled)) {
            emergency(event, caller, dialled);
            return;
        }
        if (caller.isIdleDevice()) {
            log.info("call refused: device idle dialled={}", dialled);
            event.reply(403, "Hot desk login required");
            return;
        }
        Optional<User> callee = core.users().findByExtension(tenant.id(), dialled);
        if (callee.isPresent()) {
            callUser(event, caller, callee.get(), dialled);
            return;
        }
        String trunk = tenant.settings().routing().outboundTrunkUri();
        if (trunk == null) {
            event.reply(404, "No route to " + dialled);
            return;
        }
        forwardToGateway(event, caller, dialled, trunk, r -> assertIdentity(r, caller));
    }

    private void featureCode(ServerRequest event, Caller caller, FeatureCode code) {
        if (caller.device() == null) {
            event.reply(403, "Hot-desk codes work on shared phones");
            return;
        }
        Actor actor = Actor.device(caller.device().label());
        switch (code) {
            case FeatureCode.OtpLogin otp -> {
                LoginResult result = guard.count(event.source().host(), "one-time code",
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
        }
    }

    private void emergency(ServerRequest event, Caller caller, String dialled) {
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
        forwardToGateway(event, caller, dialled, gateway, r -> {
            assertEmergencyIdentity(r, caller, where.callbackNumber());
            if (caller.device() != null) conveyance.attach(r, caller.device(), where, caller.tenant().domain());
        });
    }

    /**
     * The answering point calls back the desk, not the person: the desk's callback number when it has one,
     * else the same identity as any call.
     */
    private void assertEmergencyIdentity(SipRequest request, Caller caller, String callback) {
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

    private void callUser(ServerRequest event, Caller caller, User callee, String dialled) {
        List<Target> targets = new ArrayList<>();
        if (callee.enabled()) {
            String callerKey = caller.device() != null ? LocationService.deviceKey(caller.deviceId())
                    : LocationService.userKey(caller.userId());
            addTargets(targets, location.ofUser(callee.id()), callerKey);
            for (Session s : core.sessions().openSessionsOfUser(callee.id())) {
                addTargets(targets, location.ofDevice(s.deviceId()), callerKey);
            }
        }
        CallObserver observer = record(event, caller, dialled, callee.id());
        if (targets.isEmpty()) {
            log.info("call to {} not reachable", dialled);
            observer.failed(480);
            event.reply(480, null);
            return;
        }
        proxy.fork(event, targets, r -> assertIdentity(r, caller), observer);
    }

    private void forwardToGateway(ServerRequest event, Caller caller, String dialled, String gatewayUri,
                                  java.util.function.Consumer<SipRequest> decorate) {
        String uri;
        try {
            SipUri gw = SipUri.parse(gatewayUri);
            if (!gw.isSip()) throw new IllegalArgumentException("not a sip: URI");
            uri = gw.withUser(dialled).toString();
        } catch (RuntimeException e) {
            log.error("gateway URI {} unusable: {}", gatewayUri, e.getMessage());
            event.reply(500, "Gateway misconfigured");
            return;
        }
        String transport = uri.contains("transport=tcp") ? "tcp" : "udp";
        CallObserver observer = record(event, caller, dialled, null);
        proxy.fork(event, List.of(new Target(uri, List.of(), transport, null)), decorate, observer);
    }

    private static void addTargets(List<Target> targets, List<Registration> bindings, String exceptKey) {
        for (Registration b : bindings) {
            String key = b.deviceId() != null ? LocationService.deviceKey(b.deviceId()) : LocationService.userKey(b.userId());
            if (key.equals(exceptKey)) continue;
            targets.add(new Target(b.contact(), b.path(), b.transport(), b.deviceId()));
        }
    }

    /** The callee sees who is at the desk, not the desk: P-Asserted-Identity set by this server, never by the phone. */
    private void assertIdentity(SipRequest request, Caller caller) {
        request.removeAll("P-Asserted-Identity");
        request.removeAll("P-Preferred-Identity");
        String name = caller.displayName().replace("\"", "");
        request.addLast("P-Asserted-Identity",
                "\"" + name + "\" <sip:" + caller.identity() + "@" + caller.tenant().domain() + ">");
    }

    private Caller callerOf(SipAccount account) {
        return switch (account) {
            case SipAccount.DeviceAccount d -> new Caller(d.tenant(), d.device(),
                    core.sessions().openSessionOf(d.device().id()).flatMap(s -> core.users().findById(s.userId())));
            case SipAccount.UserAccount u -> new Caller(u.tenant(), null, Optional.of(u.user()));
            case SipAccount.PhoneKeyAccount p -> new Caller(p.tenant(), p.device(), Optional.of(p.user()));
        };
    }

    /** Starts the call record; the observer completes it from what the proxy sees. */
    private CallObserver record(ServerRequest event, Caller caller, String dialled, Long calleeUserId) {
        long tenantId = caller.tenant().id();
        String callId = event.request().callId();
        core.calls().started(tenantId, callId, caller.deviceId(), caller.userId(), caller.identity(), dialled, calleeUserId);
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
        Long tenantId = connected.remove(callId);
        if (tenantId != null) core.calls().ended(tenantId, callId, CallOutcome.ANSWERED);
    }
}
