package org.hotdesk.sip.registrar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.event.SessionEvent;
import org.hotdesk.core.location.LocationListener;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.login.PhoneKeyAttempt;
import org.hotdesk.core.login.PinProof;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.auth.DigestAlgorithm;
import org.hotdesk.sip.auth.DigestAuthenticator;
import org.hotdesk.sip.auth.DigestResponse;
import org.hotdesk.sip.auth.DigestVerdict;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.stack.ServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins by a phone's own hot-desk key (Yealink, innovaphone, ...): the phone REGISTERs as the user with
 * extension + PIN. The core decides (trusted network, lockout, access, multiple-login policy, displacement);
 * this class recognises the desk, checks the digest answer for the core, and keeps the session and the
 * binding together: un-REGISTER or expiry ends the session, and a session ended by anyone else (an admin,
 * another login) takes the binding with it and refuses its refresh.
 */
public final class PhoneKeyLogins implements LocationListener {
    private static final Logger log = LoggerFactory.getLogger(PhoneKeyLogins.class);
    /** A session this young may not have its binding stored yet: the expiry sweep leaves it alone. */
    private static final Duration SETTLING = Duration.ofSeconds(30);
    // Yealink, Polycom and Snom put the MAC in the last 12 digits of a urn:uuid instance id; Cisco and
    // Grandstream write it in the User-Agent
    private static final Pattern INSTANCE_MAC = Pattern.compile("(?i)urn:uuid:[0-9a-f-]*?([0-9a-f]{12})>?\"?$");
    private static final Pattern AGENT_MAC = Pattern.compile(
            "(?i)(?<![0-9a-f:-])((?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}|[0-9a-f]{12})(?![0-9a-f:-])");

    private final HotdeskCore core;
    private final DigestAuthenticator digest;
    private final LocationService location;
    private final SourceGuard guard;
    private final Clock clock;
    private final RefusalPace pace;

    public PhoneKeyLogins(HotdeskCore core, DigestAuthenticator digest, LocationService location,
                          SourceGuard guard, RefusalPace pace, Clock clock) {
        this.core = core;
        this.pace = pace;
        this.digest = digest;
        this.location = location;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * A REGISTER for a user's address in {@code tenant} whose digest fits no account password: a phone-key
     * login, its refresh, or its logout. Answers refusals itself.
     *
     * @return the account to bind, or empty when the request has been answered
     */
    Optional<SipAccount> register(ServerRequest event, Tenant tenant, String extension, DigestResponse response) {
        SipRequest request = event.request();
        // behind a trusted edge proxy the phone's own address, not the edge's
        String source = event.origin().host();
        String hop = event.source().host();
        String callId = request.callId();
        Optional<Device> desk = recognise(tenant, request, source);
        boolean sourceIsDevice = desk.isPresent() && location.ofDevice(desk.get().id()).stream()
                .anyMatch(b -> b.sourceHost().equals(hop) && (hop.equals(source) || source.equals(phoneBehindEdge(b))));
        PinProof proof = (ext, realm, pinDigest) -> digest.verify("REGISTER", response, realm,
                a -> Optional.of(a == DigestAlgorithm.MD5 ? pinDigest.ha1Md5() : pinDigest.ha1Sha256()))
                == DigestVerdict.VALID;
        Optional<User> user = core.users().findByExtension(tenant.id(), extension);
        Optional<Session> current = desk.flatMap(d -> core.sessions().openSessionOf(d.id()))
                .filter(s -> s.method() == LoginMethod.PHONE_KEY && user.isPresent() && s.userId() == user.get().id());

        if (desk.isPresent() && user.isPresent()) {
            if (location.isRevoked(desk.get().id(), user.get().id(), callId)) {
                log.info("phone-key refresh refused: session ended tenant={} mac={} extension={}", tenant.domain(),
                        desk.get().label(), extension);
                pace.reply(event, 403, "Logged out");
                return Optional.empty();
            }
        }
        if (isRemoval(request)) {
            // logging out needs the PIN too, but never opens a session
            if (current.isPresent() && sourceIsDevice && user.get().pinDigest() != null
                    && proof.matches(extension, tenant.domain(), user.get().pinDigest())) {
                return Optional.of(new SipAccount.PhoneKeyAccount(tenant, user.get(), desk.get()));
            }
            pace.reply(event, 403, "Not logged in");
            return Optional.empty();
        }
        if (current.isPresent() && sourceIsDevice && user.get().pinDigest() != null
                && proof.matches(extension, tenant.domain(), user.get().pinDigest())) {
            // a refresh of the session this phone opened: nothing to decide again
            return Optional.of(new SipAccount.PhoneKeyAccount(tenant, user.get(), desk.get()));
        }
        Actor actor = desk.map(d -> Actor.device(d.label())).orElse(Actor.system("sip " + source));
        LoginResult result = guard.count(source, "phone-key PIN for " + extension,
                core.logins().loginWithPhoneKey(new PhoneKeyAttempt(tenant.id(),
                        desk.map(Device::id).orElse(null), extension, source, sourceIsDevice, proof), actor));
        if (result instanceof LoginResult.Refused refused) {
            LoginRefusal why = refused.refusal();
            boolean notTried = why == LoginRefusal.UNTRUSTED_NETWORK || why == LoginRefusal.UNKNOWN_DEVICE
                    || why == LoginRefusal.PHONE_KEY_LOGIN_OFF;
            if (notTried) {
                guard.failed(source, "phone-key " + why + " for " + extension);
            }
            // until the PIN has proved itself, every refusal reads like a wrong password on any account (the audit
            // log tells the admin which it was): a guesser learns neither which extensions exist nor what the
            // network rule is
            boolean beforeProof = why == LoginRefusal.INVALID_CREDENTIALS || notTried;
            pace.reply(event, beforeProof ? 403 : why.sipStatus(),
                    beforeProof ? Authentication.WRONG_PASSWORD : why.reasonPhrase());
            return Optional.empty();
        }
        User loggedIn = ((LoginResult.LoggedIn) result).user();
        return Optional.of(new SipAccount.PhoneKeyAccount(tenant, loggedIn, desk.orElseThrow()));
    }

    /**
     * Where the phone of a binding registered through an edge proxy really is: the edge wrote it into the Path it put
     * first (RFC 3327; Kamailio's {@code add_path_received()}: {@code ;received=sip:IP:port}). Null without one. Only
     * asked of bindings whose REGISTER came from the same trusted edge as the request at hand, so the first Path is
     * the edge's own, not one a phone made up.
     */
    static String phoneBehindEdge(Registration binding) {
        if (binding.path().isEmpty()) return null;
        String path = binding.path().get(0);
        int at = path.indexOf(";received=");
        if (at < 0) return null;
        int end = at + ";received=".length();
        int stop = end;
        while (stop < path.length() && ";>".indexOf(path.charAt(stop)) < 0) stop++;
        String uri = java.net.URLDecoder.decode(path.substring(end, stop).replace("\"", ""),
                java.nio.charset.StandardCharsets.UTF_8);
        if (uri.regionMatches(true, 0, "sip:", 0, 4)) uri = uri.substring(4);
        int semi = uri.indexOf(';');
        if (semi >= 0) uri = uri.substring(0, semi);
        if (uri.startsWith("[")) return uri.substring(1, Math.max(1, uri.indexOf(']')));
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon);
    }

    /** The phone un-REGISTERed its phone-key binding: with the user's last binding at the desk gone, they logged out. */
    @Override
    public void removed(Registration binding) {
        unbound(binding, LogoutReason.USER);
    }

    /** The phone stopped refreshing its phone-key binding: the session ends with it. */
    @Override
    public void expired(Registration binding) {
        unbound(binding, LogoutReason.REGISTRATION_EXPIRED);
    }

    private void unbound(Registration binding, LogoutReason reason) {
        if (binding.deviceId() == null || binding.userId() == null) return;
        long deviceId = binding.deviceId();
        long userId = binding.userId();
        if (location.ofDevice(deviceId).stream().anyMatch(b -> b.userId() != null && b.userId() == userId)) return;
        // a session someone else ended took its binding with it (onSessionEvent): no open session is left to end
        core.sessions().openSessionOf(deviceId)
                .filter(s -> s.method() == LoginMethod.PHONE_KEY && s.userId() == userId)
                .ifPresent(s -> {
                    Actor actor = reason == LogoutReason.USER
                            ? core.devices().findById(deviceId).map(d -> Actor.device(d.label()))
                                    .orElse(Actor.system("registrar"))
                            : Actor.system("registrar");
                    core.sessions().logoutSession(s.tenantId(), s.id(), reason, actor);
                });
    }

    /**
     * A session ended. For a phone-key session ended by anything but the phone's un-REGISTER (an admin, a
     * logout code, another login, a timer), its binding goes, so calls no longer reach the desk for that user,
     * and a refresh of it is refused until it would have expired.
     */
    public void onSessionEvent(SessionEvent event) {
        if (!(event instanceof SessionEvent.Ended ended)) return;
        Session session = ended.session();
        if (session.method() != LoginMethod.PHONE_KEY) return;
        Device device = event.device();
        // the phone's own un-REGISTER and the expiry sweep remove the binding first: nothing is left to refuse then
        for (Registration b : location.ofDevice(device.id())) {
            if (b.userId() == null || b.userId() != session.userId()) continue;
            location.remove(LocationService.deviceKey(device.id()), b.contact());
            location.revoke(b);
            log.info("phone-key binding revoked tenant={} mac={} user={} reason={}", session.tenantId(),
                    device.label(), session.userId(), session.endReason());
        }
    }

    /** Ends each phone-key session whose phone stopped refreshing its registration. */
    public int endExpired() {
        Instant now = clock.instant();
        int ended = 0;
        for (Tenant tenant : core.tenants().list()) {
            for (Session s : core.sessions().listOpen(tenant.id())) {
                if (s.method() != LoginMethod.PHONE_KEY || s.startedAt().isAfter(now.minus(SETTLING))) continue;
                boolean bound = location.ofDevice(s.deviceId()).stream()
                        .anyMatch(b -> b.userId() != null && b.userId() == s.userId());
                if (!bound) {
                    core.sessions().logoutSession(tenant.id(), s.id(), LogoutReason.REGISTRATION_EXPIRED,
                            Actor.system("registrar"));
                    ended++;
                }
            }
        }
        return ended;
    }

    /**
     * Which desk is asking: the MAC in the contact's {@code +sip.instance} or in the User-Agent, else the one
     * desk whose own account is registered from this address.
     */
    private Optional<Device> recognise(Tenant tenant, SipRequest request, String source) {
        for (String text : macHints(request)) {
            Optional<MacAddress> mac = macIn(text);
            if (mac.isEmpty()) continue;
            Optional<Device> device = core.devices().findByMac(mac.get(), 0)
                    .filter(d -> d.tenantId() == tenant.id());
            if (device.isPresent()) return device;
        }
        List<Long> here = location.inTenant(tenant.id()).stream()
                .filter(b -> b.deviceId() != null && b.sourceHost().equals(source))
                .map(Registration::deviceId).distinct().toList();
        return here.size() == 1 ? core.devices().findById(here.get(0)) : Optional.empty();
    }

    private static List<String> macHints(SipRequest request) {
        List<String> hints = new java.util.ArrayList<>();
        for (NameAddr contact : request.contacts()) {
            String instance = ContactParams.instance(contact);
            if (instance != null) hints.add(instance);
        }
        String agent = request.header("User-Agent");
        if (agent != null) hints.add(agent);
        return hints;
    }

    static Optional<MacAddress> macIn(String text) {
        Matcher instance = INSTANCE_MAC.matcher(text.trim());
        String candidate = instance.find() ? instance.group(1) : null;
        if (candidate == null) {
            Matcher agent = AGENT_MAC.matcher(text);
            candidate = agent.find() ? agent.group(1) : null;
        }
        if (candidate == null) return Optional.empty();
        try {
            return Optional.of(MacAddress.parse(candidate));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static boolean isRemoval(SipRequest request) {
        java.util.OptionalInt expires = request.expires();
        boolean any = false;
        for (NameAddr c : request.contacts()) {
            any = true;
            if (c.isWildcard()) continue;
            int own = ContactParams.expires(c);
            int asked = own >= 0 ? own : expires.isPresent() ? expires.getAsInt() : -1;
            if (asked != 0) return false;
        }
        return any;
    }
}
