package org.hotdesk.sip.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SIP digest authentication (RFC 3261 §22, RFC 2617, RFC 8760) for the registrar and the proxy.
 *
 * <p>Nonces are self-validating (issue time + random + HMAC), so any number of challenges cost no memory;
 * only nonces in use are remembered, with the highest nonce count seen, so a captured request cannot be
 * replayed: with {@code qop=auth} the count must grow, without qop a nonce is good for one request.
 */
public final class DigestAuthenticator {
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final Clock clock;
    private final Duration nonceLifetime;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> highestCount = new ConcurrentHashMap<>();

    private final List<DigestAlgorithm> offered;

    public DigestAuthenticator(Clock clock, Duration nonceLifetime, List<DigestAlgorithm> offered) {
        this.clock = clock;
        this.offered = List.copyOf(offered);
        this.nonceLifetime = nonceLifetime;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The challenge header values, in the configured order: a phone picks the first algorithm it supports. */
    public List<String> challenges(String realm, boolean stale) {
        String nonce = newNonce();
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
        Optional<Long> issued = issuedAt(r.nonce());
        if (issued.isEmpty()) return Match.INVALID;
        boolean withQop = r.qop() != null && !r.qop().isBlank();
        if (withQop && (!r.qop().equalsIgnoreCase("auth") || r.nc() == null || r.cnonce() == null)) return Match.INVALID;
        int matched = -1;
        for (int i = 0; i < candidates.size() && matched < 0; i++) {
            Optional<String> storedHa1 = candidates.get(i).apply(algorithm.get());
            if (storedHa1.isPresent() && responseFits(method, r, algorithm.get(), storedHa1.get(), withQop)) matched = i;
        }
        if (matched < 0) return Match.INVALID;
        long now = clock.millis();
        if (now - issued.get() > nonceLifetime.toMillis()) {
            return new Match(DigestVerdict.STALE, matched);
        }
        return new Match(countIsNew(r, withQop, now), matched);
    }

    /** Whether a nonce is one of ours (INVALID otherwise) and still young enough to be used (STALE otherwise). */
    public DigestVerdict nonceState(String nonce) {
        Optional<Long> issued = nonce == null ? Optional.empty() : issuedAt(nonce);
        if (issued.isEmpty()) return DigestVerdict.INVALID;
        return clock.millis() - issued.get() > nonceLifetime.toMillis() ? DigestVerdict.STALE : DigestVerdict.VALID;
    }

    private static boolean responseFits(String method, DigestResponse r, DigestAlgorithm h, String ha1, boolean withQop) {
        String ha2 = h.hash(method + ":" + r.uri());
        String expected = withQop
                ? h.hash(ha1 + ":" + r.nonce() + ":" + r.nc() + ":" + r.cnonce() + ":" + r.qop() + ":" + ha2)
                : h.hash(ha1 + ":" + r.nonce() + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                r.response().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    private DigestVerdict countIsNew(DigestResponse r, boolean withQop, long now) {
        forgetExpired(now);
        long count = withQop ? parseCount(r.nc()) : 0;
        if (count < 0) return DigestVerdict.INVALID;
        Long previous = highestCount.putIfAbsent(r.nonce(), count);
        if (previous == null) return DigestVerdict.VALID;
        if (!withQop) return DigestVerdict.STALE;
        // the count must grow; compare-and-set so two copies of one request cannot both pass
        while (true) {
            Long seen = highestCount.get(r.nonce());
            if (seen == null) return highestCount.putIfAbsent(r.nonce(), count) == null ? DigestVerdict.VALID : DigestVerdict.STALE;
            if (count <= seen) return DigestVerdict.STALE;
            if (highestCount.replace(r.nonce(), seen, count)) return DigestVerdict.VALID;
        }
    }

    private String newNonce() {
        ByteBuffer body = ByteBuffer.allocate(16);
        body.putLong(clock.millis());
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        body.put(salt);
        byte[] mac = mac(body.array());
        ByteBuffer nonce = ByteBuffer.allocate(16 + MAC_BYTES).put(body.array()).put(mac, 0, MAC_BYTES);
        return B64.encodeToString(nonce.array());
    }

    private Optional<Long> issuedAt(String nonce) {
        byte[] raw;
        try {
            raw = B64D.decode(nonce);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != 16 + MAC_BYTES) return Optional.empty();
        byte[] body = Arrays.copyOf(raw, 16);
        byte[] mac = Arrays.copyOfRange(mac(body), 0, MAC_BYTES);
        if (!MessageDigest.isEqual(mac, Arrays.copyOfRange(raw, 16, raw.length))) return Optional.empty();
        return Optional.of(ByteBuffer.wrap(body).getLong());
    }

    private void forgetExpired(long now) {
        if (highestCount.size() < 1024) return;
        highestCount.keySet().removeIf(n -> issuedAt(n).map(t -> now - t > nonceLifetime.toMillis()).orElse(true));
    }

    private static long parseCount(String nc) {
        try {
            return Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] mac(byte[] data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
