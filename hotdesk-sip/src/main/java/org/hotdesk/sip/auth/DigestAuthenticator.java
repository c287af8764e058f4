package org.hotdesk.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * SIP digest authentication (RFC 3261 §22, RFC 2617, RFC 8760) for the registrar and the proxy.
 *
 * <p>Nonces are self-validating and their replay state has a fixed size (see {@link NonceBook}), so a check costs
 * the same however many challenges are outstanding: with {@code qop=auth} the nonce count must grow, without qop a
 * nonce is good for one request.
 */
public final class DigestAuthenticator {
    private final Clock clock;
    private final Duration nonceLifetime;
    private final NonceBook nonces = new NonceBook(new SecureRandom());

    private final List<DigestAlgorithm> offered;

    public DigestAuthenticator(Clock clock, Duration nonceLifetime, List<DigestAlgorithm> offered) {
        this.clock = clock;
        this.offered = List.copyOf(offered);
        this.nonceLifetime = nonceLifetime;
    }

    /** The challenge header values, in the configured order: a phone picks the first algorithm it supports. */
    public List<String> challenges(String realm, boolean stale) {
        String nonce = nonces.issue(clock.millis());
        List<String> values = new ArrayList<>();
        for (DigestAlgorithm a : offered) {
            values.add("Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + a.token()
                    + ", qop=\"auth\"" + (stale ? ", stale=TRUE" : ""));
        }
        return values;
    }

    /**
     * Checks a response. {@code ha1} gives the stored HA1 of the claimed user for an algorithm, or empty when
     * there is no such account.
     */
    public DigestVerdict verify(String method, DigestResponse r, String realm,
                                Function<DigestAlgorithm, Optional<String>> ha1) {
        return verifyAny(method, r, realm, List.of(ha1)).verdict();
    }

    /** Which of several accounts' HA1s (e.g. a user's own password, then their hot-desk PIN) a response was made with. */
    public record Match(DigestVerdict verdict, int index) {
        static final Match INVALID = new Match(DigestVerdict.INVALID, -1);
    }

    /** Checks a response against each candidate HA1 in turn; the first that fits decides. */
    public Match verifyAny(String method, DigestResponse r, String realm,
                           List<Function<DigestAlgorithm, Optional<String>>> candidates) {
        if (r.username() == null || r.nonce() == null || r.response() == null || r.uri() == null
                || !realm.equalsIgnoreCase(r.realm())) {
            return Match.INVALID;
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(r.algorithm());
        if (algorithm.isEmpty() || !offered.contains(algorithm.get())) return Match.INVALID;
        NonceBook.Issued issued = nonces.read(r.nonce());
        boolean withQop = r.qop() != null && !r.qop().isBlank();
        if (withQop && (!r.qop().equalsIgnoreCase("auth") || r.nc() == null || r.cnonce() == null)) return Match.INVALID;
        int matched = -1;
        for (int i = 0; i < candidates.size() && matched < 0; i++) {
            Optional<String> storedHa1 = candidates.get(i).apply(algorithm.get());
            if (storedHa1.isPresent() && responseFits(method, r, algorithm.get(), storedHa1.get(), withQop)) matched = i;
        }
        if (matched < 0) return Match.INVALID;
        // a nonce this server did not issue (another node's after a failover, or one from before a restart) answered
        // with the right password: the phone knows it and only needs a fresh nonce, "stale" (RFC 7616 §3.3), not a
        // refusal that counts against its address
        if (issued == null) return new Match(DigestVerdict.STALE, matched);
        long now = clock.millis();
        if (now - issued.issuedAtMillis() > nonceLifetime.toMillis()) {
            return new Match(DigestVerdict.STALE, matched);
        }
        long count = withQop ? parseCount(r.nc()) : 0;
        if (count < 0) return Match.INVALID;
        return new Match(nonces.use(issued, count) ? DigestVerdict.VALID : DigestVerdict.STALE, matched);
    }

    /**
     * Whether a nonce is one of ours and still young enough to be used; STALE when it is too old or not ours (another
     * node's, or from before a restart: a fresh challenge, checking nothing, counting nothing).
     */
    public DigestVerdict nonceState(String nonce) {
        NonceBook.Issued issued = nonces.read(nonce);
        if (issued == null) return DigestVerdict.STALE;
        return clock.millis() - issued.issuedAtMillis() > nonceLifetime.toMillis() ? DigestVerdict.STALE : DigestVerdict.VALID;
    }

    private static boolean responseFits(String method, DigestResponse r, DigestAlgorithm h, String ha1, boolean withQop) {
        String ha2 = h.hash(method + ":" + r.uri());
        String expected = withQop
                ? h.hash(ha1 + ":" + r.nonce() + ":" + r.nc() + ":" + r.cnonce() + ":" + r.qop() + ":" + ha2)
                : h.hash(ha1 + ":" + r.nonce() + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                r.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static long parseCount(String nc) {
        try {
            return Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

}
