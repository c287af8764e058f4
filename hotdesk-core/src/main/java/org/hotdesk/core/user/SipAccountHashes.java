package org.hotdesk.core.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digest HA1 values (RFC 2617 MD5 and RFC 8760 SHA-256) of a SIP account: what a registrar needs to
 * check a digest response, without keeping the password.
 */
public record SipAccountHashes(String ha1Md5, String ha1Sha256) {

    public static SipAccountHashes of(String username, String realm, String password) {
        String a1 = username + ":" + realm + ":" + password;
        return new SipAccountHashes(hex("MD5", a1), hex("SHA-256", a1));
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + algorithm, e);
        }
    }
}
