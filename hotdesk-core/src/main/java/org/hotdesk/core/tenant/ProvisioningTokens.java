package org.hotdesk.core.tenant;

import java.util.random.RandomGenerator;

/** Makes the secret of a tenant's provisioning URL: 32 characters from 62, about 190 bits. */
public final class ProvisioningTokens {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32;
    private final RandomGenerator random;

    public ProvisioningTokens(RandomGenerator random) {
        this.random = random;
    }

    public String next() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Whether a string could be a token at all; anything else is answered without a database lookup. */
    public static boolean looksLikeToken(String text) {
        return text != null && text.length() == LENGTH && text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
