package org.hotdesk.core.user;

import org.hotdesk.core.error.InvalidInputException;

/**
 * A request to create a user; validates itself so nothing bad reaches the store.
 *
 * @param sipPassword optional password of the user's own SIP account
 */
public record NewUser(String extension, String name, String pin, boolean hotDesk, String sipPassword) {
    public NewUser {
        extension = Pins.requireExtension(extension);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        name = name.trim();
        if (name.length() > 100) {
            throw new InvalidInputException("name", "must be at most 100 characters");
        }
        Pins.requireValidPin(pin);
        if (sipPassword != null && sipPassword.length() < 8) {
            throw new InvalidInputException("sipPassword", "must be at least 8 characters");
        }
    }
}
