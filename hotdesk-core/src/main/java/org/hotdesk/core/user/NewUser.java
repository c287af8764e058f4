package org.hotdesk.core.user;

import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.error.InvalidInputException;

/**
 * A request to create a user; validates itself so nothing bad reaches the store.
 *
 * @param sipPassword optional password of the user's own SIP account
 */
public record NewUser(String extension, String name, String pin, boolean hotDesk, String sipPassword) {
    public NewUser {
        List<InvalidInputException> problems = problems(extension, name, pin, sipPassword);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        extension = extension.trim();
        name = name.trim();
    }

    /** Everything wrong with these fields at once, in the order a form shows them (empty when they are fine). */
    public static List<InvalidInputException> problems(String extension, String name, String pin, String sipPassword) {
        List<InvalidInputException> problems = new ArrayList<>();
        check(problems, () -> Pins.requireExtension(extension));
        if (name == null || name.isBlank()) {
            problems.add(new InvalidInputException("name", "is required"));
        } else if (name.trim().length() > 100) {
            problems.add(new InvalidInputException("name", "must be at most 100 characters"));
        }
        check(problems, () -> Pins.requireValidPin(pin));
        if (sipPassword != null && sipPassword.length() < 8) {
            problems.add(new InvalidInputException("sipPassword", "must be at least 8 characters"));
        }
        return problems;
    }

    private static void check(List<InvalidInputException> problems, Runnable rule) {
        try {
            rule.run();
        } catch (InvalidInputException e) {
            problems.add(e);
        }
    }
}
