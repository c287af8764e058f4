package org.hotdesk.web.self;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hotdesk.core.access.SignInLimit;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.web.pages.PlainMessages;

/**
 * What an employee reads when a PIN is refused: the reason in plain words, a warning before the try that would
 * lock them out, and when locked, for how long and whom to ask. A phone's screen gets the short SIP reason phrase;
 * a page has room to help.
 */
final class SignInWords {
    private SignInWords() {
    }

    static String refused(LoginRefusal refusal, Optional<SignInLimit> limit, Instant now) {
        if (refusal == LoginRefusal.LOCKED || limit.map(SignInLimit::locked).orElse(false)) {
            Duration wait = limit.map(l -> l.locked() ? Duration.between(now, l.lockedUntil()) : l.lockDuration())
                    .orElse(Duration.ofMinutes(15));
            return "Too many wrong tries. Try again in " + PlainMessages.minutes(wait)
                    + ", or ask your administrator to unlock you.";
        }
        return switch (refusal) {
            case INVALID_CREDENTIALS -> "Wrong extension or PIN." + limit.filter(l -> l.triesLeft() == 1)
                    .map(l -> " One more wrong PIN locks this for " + PlainMessages.minutes(l.lockDuration()) + ".")
                    .orElse("");
            case USER_DISABLED -> "Your account is switched off. Ask your administrator.";
            default -> refusal.reasonPhrase() + ".";
        };
    }

    /** The address-wide block (many wrong tries from one network, whoever they were for). */
    static String blocked(Optional<Instant> until, Instant now) {
        return "Too many failed sign-ins from your network. Try again in "
                + PlainMessages.minutes(until.map(u -> Duration.between(now, u)).orElse(Duration.ofMinutes(15)))
                + ", or ask your administrator.";
    }
}
