package org.hotdesk.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Makes bearer token secrets and their lookup hashes. The secrets carry 256 random bits, so a fast hash is
 * enough to keep them unusable at rest (a slow hash protects guessable secrets such as PINs, not these).
 */
public final class TokenSecrets {
    /** Every token starts so, which lets secret scanners and people recognise one. */
    public static final String PREFIX = "hd_";

    private final RandomGenerator random;

    public TokenSecrets(RandomGenerator random) {
        this.random = random;
    }

    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** Compares in time independent of where the strings differ. */
    public static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
