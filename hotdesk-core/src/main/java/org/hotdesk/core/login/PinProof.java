package org.hotdesk.core.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.hotdesk.core.user.SipAccountHashes;

/**
 * Evidence that someone knows a user's PIN, checked against the user's PIN digest. A phone's hot-desk key
 * never sends the PIN: it answers a SIP digest challenge with it, and only the registrar can check that
 * answer; the core decides everything else (lockout, access, policies).
 */
@FunctionalInterface
public interface PinProof {
    /**
     * @param extension the user's extension, the digest username
     * @param realm     the tenant's domain, the digest realm
     * @param pinDigest the user's stored HA1 of extension, realm and PIN
     */
    boolean matches(String extension, String realm, SipAccountHashes pinDigest);

    /** The PIN itself, as typed (tests, and paths that see the digits). */
    static PinProof pin(String pin) {
        return (extension, realm, digest) -> pin != null && MessageDigest.isEqual(
                SipAccountHashes.of(extension, realm, pin).ha1Sha256().getBytes(StandardCharsets.US_ASCII),
                digest.ha1Sha256().getBytes(StandardCharsets.US_ASCII));
    }
}
