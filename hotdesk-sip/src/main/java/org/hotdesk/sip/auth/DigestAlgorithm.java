package org.hotdesk.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The digest algorithms hotdesk can offer: MD5 (RFC 2617) and SHA-256 (RFC 8760). */
public enum DigestAlgorithm {
    SHA_256("SHA-256", "SHA-256"),
    MD5("MD5", "MD5");

    private final String token;
    private final String jdkName;
    /**
     * One instance per thread: {@code MessageDigest.getInstance} walks the provider list on every call, which a
     * profile at 200 REGISTER/s showed among the top costs; an instance is reset by {@code digest()}.
     */
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(this::newDigest);
    private static final HexFormat HEX = HexFormat.of();

    DigestAlgorithm(String token, String jdkName) {
        this.token = token;
        this.jdkName = jdkName;
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + jdkName, e);
        }
    }

    /** The name in the {@code algorithm=} parameter. */
    public String token() {
        return token;
    }

    /** An absent algorithm parameter means MD5 (RFC 2617 §3.2.1). */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isBlank()) return Optional.of(MD5);
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(token.trim())) return Optional.of(a);
        }
        return Optional.empty();
    }

    public String hash(String text) {
        MessageDigest digest = digests.get();
        return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** HA1 = H(username:realm:password), for accounts whose password the server keeps (device accounts). */
    public String ha1(String username, String realm, String password) {
        return hash(username + ":" + realm + ":" + password);
    }
}
