package org.hotdesk.web.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotdesk.provisioning.fetch.FetchRequest;

/**
 * HTTP digest (RFC 7616, MD5, qop=auth) for phones fetching their configuration: the one scheme every vendor's
 * provisioning client speaks. Nonces are stateless: a time stamp signed with a per-process key, valid five minutes,
 * so no table of nonces grows under a flood of requests.
 */
public final class HttpDigest {
    static final String REALM = "hotdesk provisioning";
    private static final long NONCE_LIFETIME_MILLIS = 300_000;
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]+))");

    private final byte[] key;
    private final Clock clock;

    public HttpDigest(byte[] key, Clock clock) {
        this.key = key.clone();
        this.clock = clock;
    }

    /** The {@code WWW-Authenticate} value of a 401. */
    public String challenge() {
        return "Digest realm=\"" + REALM + "\", qop=\"auth\", algorithm=MD5, nonce=\"" + nonce(clock.millis()) + "\"";
    }

    /**
     * The credentials an {@code Authorization} header carries, if it is a digest answer to one of our fresh nonces
     * for this request's path.
     */
    public Optional<FetchRequest.DigestProof> answer(String header, String method, String path) {
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Optional.empty();
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2).replace("\\", "") : m.group(3));
        }
        String username = p.get("username");
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        if (username == null || nonce == null || uri == null || response == null || !fresh(nonce)
                || !REALM.equals(p.get("realm")) || !path.equals(uri.split("\\?", 2)[0])) {
            return Optional.empty();
        }
        String qop = p.get("qop");
        if (qop != null && !qop.equals("auth")) {
            return Optional.empty();
        }
        return Optional.of(new FetchRequest.DigestProof() {
            @Override
            public String username() {
                return username;
            }

            @Override
            public boolean proves(String password) {
                String ha1 = md5(username + ":" + REALM + ":" + password);
                String ha2 = md5(method + ":" + uri);
                String expected = qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                        : md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2);
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    private String nonce(long millis) {
        String stamp = Long.toString(millis, 36);
        return stamp + "." + sign(stamp);
    }

    private boolean fresh(String nonce) {
        int dot = nonce.indexOf('.');
        if (dot < 1) return false;
        String stamp = nonce.substring(0, dot);
        if (!MessageDigest.isEqual(sign(stamp).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            long age = clock.millis() - Long.parseLong(stamp, 36);
            return age >= 0 && age <= NONCE_LIFETIME_MILLIS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(String stamp) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(stamp.getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
