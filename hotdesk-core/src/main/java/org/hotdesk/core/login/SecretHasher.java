package org.hotdesk.core.login;

/** Slow one-way hashing of PINs and passwords kept at rest. */
public interface SecretHasher {
    String hash(String secret);

    boolean matches(String secret, String hash);
}
