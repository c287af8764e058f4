package org.hotdesk.core.user;

import java.util.Optional;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.policy.LockoutPolicy;

/**
 * PINs an attacker tries first. A lockout after five guesses only protects a PIN that is not among the first five
 * anyone tries: one digit repeated, a run along the keypad up or down (wrapping 9 to 0), or the extension itself,
 * which a caller sees on every call. A tenant may allow them ({@link LockoutPolicy#weakPinsAllowed()}).
 */
public final class PinStrength {
    private PinStrength() {
    }

    /** Refuses a PIN that is too easy to guess for this extension, unless the tenant allows weak PINs. */
    public static void requireStrong(String pin, String extension, LockoutPolicy policy) {
        Optional<String> weakness = refusal(pin, extension, policy);
        if (weakness.isPresent()) {
            throw new InvalidInputException("pin", "is too easy to guess (" + weakness.get()
                    + "); choose another, or let the tenant allow weak PINs (setting weakPinsAllowed)");
        }
    }

    /** Why this tenant refuses this PIN as too easy to guess, or empty when it takes it. */
    public static Optional<String> refusal(String pin, String extension, LockoutPolicy policy) {
        return policy.weakPinsAllowed() ? Optional.empty() : weakness(pin, extension);
    }

    /** What makes this PIN easy to guess, or empty. Only meant for PINs of the right format. */
    public static Optional<String> weakness(String pin, String extension) {
        if (pin == null || pin.isEmpty()) return Optional.empty();
        if (pin.equals(extension)) return Optional.of("it is the extension");
        if (steps(pin, 0)) return Optional.of("one digit repeated");
        if (steps(pin, 1) || steps(pin, 9)) return Optional.of("digits in a row, like 1234 or 4321");
        return Optional.empty();
    }

    /** Does each digit follow the one before by this step (mod 10)? */
    private static boolean steps(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if ((pin.charAt(i - 1) - '0' + step) % 10 != pin.charAt(i) - '0') return false;
        }
        return true;
    }
}
