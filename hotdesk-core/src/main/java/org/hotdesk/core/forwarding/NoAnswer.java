package org.hotdesk.core.forwarding;

import org.hotdesk.core.error.InvalidInputException;

/** Forward a call nobody answered within {@code afterSeconds} (5 to 120) to {@code target}. */
public record NoAnswer(ForwardTarget target, int afterSeconds) {
    public static final int DEFAULT_SECONDS = 20;

    public NoAnswer {
        if (target == null) throw new InvalidInputException("noAnswer.target", "is required");
        if (afterSeconds < 5 || afterSeconds > 120) {
            throw new InvalidInputException("noAnswer.afterSeconds", afterSeconds + " is not between 5 and 120 seconds");
        }
    }
}
