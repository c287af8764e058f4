package org.hotdesk.core.security;

/** Slow one-way hashing of PINs and passwords kept at rest. */
public interface SecretHasher {
    String hash(String secret);

    boolean matches(String secret, String hash);

    /**
     * Spends the time {@link #matches} would on a real hash and matches nothing: a refusal for someone who does
     * not exist takes as long as one for a wrong PIN, so timing does not tell which extensions exist.
     */
    default void matchNothing(String secret) {
        matches(secret == null ? "" : secret, hash("a secret nobody has"));
    }
}
