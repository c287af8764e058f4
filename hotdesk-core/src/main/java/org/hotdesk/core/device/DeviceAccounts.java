package org.hotdesk.core.device;

import java.util.random.RandomGenerator;

/**
 * Makes device-account credentials. The username is derived from the MAC (like 3CX's HDxxxx names,
 * never a digit string, so it can't clash with an extension); the password is random.
 */
public final class DeviceAccounts {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 20;
    private final RandomGenerator random;

    public DeviceAccounts(RandomGenerator random) {
        this.random = random;
    }

    public String username(MacAddress mac, int linePort) {
        return linePort == 0 ? "hd" + mac.value() : "hd" + mac.value() + "p" + linePort;
    }

    public String password() {
        StringBuilder sb = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
