package org.hotdesk.web.self;

import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.SignIn;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.user.PinStrength;
import org.hotdesk.core.user.Pins;

/**
 * An employee changes their own PIN. The current PIN is checked the way signing in checks it, so a wrong
 * one counts towards the lockout: a borrowed unlocked phone is no way to guess or take over a PIN.
 */
final class PinChange {
    private final HotdeskCore core;
    private final SourceGuard guard;

    PinChange(HotdeskCore core, SourceGuard guard) {
        this.core = core;
        this.guard = guard;
    }

    /** Changes the PIN; the answer is what was wrong, or empty when it was changed. */
    Optional<String> change(Employee me, String current, String next, String repeat, String source) {
        if (next == null || !next.equals(repeat)) {
            return Optional.of("The two new PINs differ. Type the same new PIN twice.");
        }
        try {
            Pins.requireValidPin(next);
        } catch (InvalidInputException e) {
            return Optional.of("The new PIN must be 4 to 12 digits.");
        }
        Optional<String> weakness = PinStrength.refusal(next, me.user().extension(),
                core.tenants().get(me.tenantId()).settings().lockout());
        if (weakness.isPresent()) {
            return Optional.of("That PIN is too easy to guess (" + weakness.get() + "). Choose another.");
        }
        // checked last, so a typo in the new PIN costs no attempt against the lockout
        SignIn check = core.access().signIn(String.valueOf(me.tenantId()), me.user().extension(), current);
        if (check instanceof SignIn.Refused refused) {
            guard.failed(source, "self-service PIN change");
            return Optional.of(refused.refusal() == LoginRefusal.INVALID_CREDENTIALS
                    ? "Your current PIN is not right. Nothing was changed." : refused.refusal().reasonPhrase());
        }
        core.users().setPin(me.tenantId(), me.userId(), next, me.principal().actor());
        return Optional.empty();
    }
}
