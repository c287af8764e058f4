package org.hotdesk.core.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt with a configurable cost (10 by default; tests use the minimum, 4, to stay fast). */
public final class BcryptSecretHasher implements SecretHasher {
    private final int cost;
    /** Made on first need, not at start-up (two bcrypt hashes were a tenth of a second of every start). */
    private volatile String decoy;

    public BcryptSecretHasher(int cost) {
        if (cost < 4 || cost > 16) {
            throw new IllegalArgumentException("bcrypt cost must be 4..16, was " + cost);
        }
        this.cost = cost;
    }

    @Override
    public String hash(String secret) {
        return BCrypt.withDefaults().hashToString(cost, secret.toCharArray());
    }

    @Override
    public boolean matches(String secret, String hash) {
        if (secret == null || hash == null) {
            return false;
        }
        return BCrypt.verifyer().verify(secret.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    @Override
    public void matchNothing(String secret) {
        String hash = decoy;
        if (hash == null) {
            hash = hash("a secret nobody has");
            decoy = hash;
        }
        matches(secret == null ? "" : secret, hash);
    }
}
