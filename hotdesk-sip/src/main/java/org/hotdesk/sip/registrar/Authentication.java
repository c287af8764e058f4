package org.hotdesk.sip.registrar;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.sip.auth.DigestAlgorithm;
import org.hotdesk.sip.auth.DigestAuthenticator;
import org.hotdesk.sip.auth.DigestResponse;
import org.hotdesk.sip.auth.DigestVerdict;
import org.hotdesk.sip.message.AuthHeader;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.stack.ServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who sent a request: challenges it (401 for REGISTER, 407 for requests the proxy routes) until it carries
 * a valid digest of an account's password. Unknown usernames are challenged like known ones, so a scanner
 * cannot tell which accounts exist. A REGISTER for a user's address that fits no password may be a phone-key
 * login (extension + hot-desk PIN): {@link PhoneKeyLogins} decides those.
 */
public final class Authentication {
    private static final Logger log = LoggerFactory.getLogger(Authentication.class);
    /** The one answer to every failed authentication, whatever failed. */
    static final String WRONG_PASSWORD = "Wrong username or password";

    private final SipAccounts accounts;
    private final DigestAuthenticator digest;
    private final SourceGuard guard;
    private final PhoneKeyLogins phoneKeys;
    private final RefusalPace pace;

    private final String serverHost;

    /** @param serverHost the realm when a request names no domain at all */
    public Authentication(String serverHost, SipAccounts accounts, DigestAuthenticator digest, SourceGuard guard,
                          PhoneKeyLogins phoneKeys, RefusalPace pace) {
        this.serverHost = serverHost;
        this.pace = pace;
        this.accounts = accounts;
        this.digest = digest;
        this.guard = guard;
        this.phoneKeys = phoneKeys;
    }

    /**
     * @param claimedUser the user part of the To (REGISTER) or From (other requests) URI
     * @param domain      its host part: the tenant's domain for a user account
     * @return the account, or empty when the request has been answered (challenge or 403)
     */
    public Optional<SipAccount> authenticate(ServerRequest event, String claimedUser, String domain) {
        return authenticate(event, claimedUser, domain, account -> false);
    }

    /**
     * The same; {@code refusalWaived} lets an authenticated account through although it is refused otherwise
     * (a disabled desk still reaches the emergency numbers: Kari's Law wants them dialable from every phone).
     */
    public Optional<SipAccount> authenticate(ServerRequest event, String claimedUser, String domain,
                                             Predicate<SipAccount> refusalWaived) {
        SipRequest request = event.request();
        boolean register = request.method().equals("REGISTER");
        String source = event.origin().host();
        List<SipAccount> candidates = accounts.candidates(claimedUser, domain, source, register);
        Optional<Tenant> tenant = candidates.isEmpty() ? accounts.tenant(domain) : Optional.of(candidates.get(0).tenant());
        String realm = tenant.map(Tenant::domain).orElse(domain == null ? serverHost : domain);
        Optional<AuthHeader> credentials = credentialsFor(request, register, realm);
        if (credentials.isEmpty()) {
            // an unknown account gets the same challenge, but asking after one counts against the address
            if (candidates.isEmpty() && !accounts.isUser(claimedUser, domain)) guard.failed(source, "probe of " + claimedUser);
            challenge(event, register, realm, false);
            return Optional.empty();
        }
        DigestResponse response = parse(credentials.get());
        List<SipAccount> named = candidates.stream().filter(a -> a.username().equals(response.username())).toList();
        DigestAuthenticator.Match match = digest.verifyAny(request.method(), response, realm,
                named.stream().<Function<DigestAlgorithm, Optional<String>>>map(a -> a::ha1).toList());
        if (match.verdict() == DigestVerdict.STALE) {
            challenge(event, register, realm, true);
            return Optional.empty();
        }
        if (match.verdict() == DigestVerdict.INVALID) {
            boolean maybePhoneKey = register && tenant.isPresent() && claimedUser != null
                    && claimedUser.equals(response.username())
                    && candidates.stream().noneMatch(a -> a instanceof SipAccount.DeviceAccount);
            if (maybePhoneKey) return phoneKey(event, tenant.get(), claimedUser, response, realm);
            refuse(event, claimedUser, domain, source);
            return Optional.empty();
        }
        SipAccount account = named.get(match.index());
        Optional<String> refusal = account.refusal();
        if (refusal.isPresent() && !refusalWaived.test(account)) {
            event.reply(403, refusal.get());
            return Optional.empty();
        }
        return Optional.of(account);
    }

    /** No account password fits a REGISTER for a user's address: it may be their PIN, from the desk's hot-desk key. */
    private Optional<SipAccount> phoneKey(ServerRequest event, Tenant tenant, String extension, DigestResponse response,
                                          String realm) {
        switch (digest.nonceState(response.nonce())) {
            case STALE -> {
                challenge(event, true, realm, true);
                return Optional.empty();
            }
            case INVALID -> {
                refuse(event, extension, tenant.domain(), event.origin().host());
                return Optional.empty();
            }
            default -> {
                return phoneKeys.register(event, tenant, extension, response);
            }
        }
    }

    private void refuse(ServerRequest event, String claimedUser, String domain, String source) {
        log.warn("digest refused method={} user={} domain={} source={}", event.method(), claimedUser, domain,
                event.origin());
        guard.failed(source, "wrong digest for " + claimedUser);
        pace.reply(event, 403, WRONG_PASSWORD);
    }

    private void challenge(ServerRequest event, boolean register, String realm, boolean stale) {
        int status = register ? 401 : 407;
        String header = register ? "WWW-Authenticate" : "Proxy-Authenticate";
        java.util.function.Consumer<org.hotdesk.sip.message.SipResponse> challenges =
                r -> digest.challenges(realm, stale).forEach(v -> r.addLast(header, v));
        if (register) {
            // half of every registration's messages: no transaction kept, a retransmission just gets a new nonce
            event.replyStatelessly(status, null, challenges);
        } else {
            // an INVITE's 407 is ACKed within its transaction (RFC 3261 §17.2.1), so that one is kept
            event.reply(status, null, challenges);
        }
    }

    private static Optional<AuthHeader> credentialsFor(SipRequest request, boolean register, String realm) {
        AuthHeader any = null;
        for (String value : request.headers(register ? "Authorization" : "Proxy-Authorization")) {
            AuthHeader h = AuthHeader.parse(value);
            if (!h.scheme().equalsIgnoreCase("Digest")) continue;
            if (realm.equalsIgnoreCase(h.get("realm"))) return Optional.of(h);
            any = h;
        }
        return Optional.ofNullable(any);
    }

    private static DigestResponse parse(AuthHeader h) {
        return new DigestResponse(h.get("username"), h.get("realm"), h.get("nonce"), h.get("uri"), h.get("response"),
                h.get("algorithm"), h.get("qop"), h.get("cnonce"), h.get("nc"));
    }
}
