package org.hotdesk.web.self;

import java.time.Clock;
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
    private final Clock clock;

    PinChange(HotdeskCore core, SourceGuard guard, Clock clock) {
        this.clock = clock;
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
            var limit = core.access().limitOf(String.valueOf(me.tenantId()), me.user().extension());
            if (refused.refusal() == LoginRefusal.INVALID_CREDENTIALS && !limit.map(l -> l.locked()).orElse(false)) {
                return Optional.of("Your current PIN is not right. Nothing was changed." + limit
                        .filter(l -> l.triesLeft() == 1).map(l -> " One more wrong PIN locks this for "
                                + org.hotdesk.web.pages.PlainMessages.minutes(l.lockDuration()) + ".").orElse(""));
            }
            return Optional.of(SignInWords.refused(refused.refusal(), limit, clock.instant()));
        }
        core.users().setPin(me.tenantId(), me.userId(), next, me.principal().actor());
        return Optional.empty();
    }
}
