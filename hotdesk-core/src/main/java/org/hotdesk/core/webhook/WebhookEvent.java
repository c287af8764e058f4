package org.hotdesk.core.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a tenant's webhook can be told of; {@link #wireName()} is the name in the API and in each POST. */
public enum WebhookEvent {
    /** Someone logged in at a desk. */
    LOGIN("login"),
    /** A session ended (by the person, an admin, a timer, ...), with its reason; not when displaced. */
    LOGOUT("logout"),
    /** Someone else logged in at the desk and took it over. */
    DISPLACED("displaced"),
    /** A desk or a person was locked after too many wrong PINs or codes. */
    LOCKED("locked"),
    /** An emergency number was dialled. */
    EMERGENCY_CALL("emergency.call"),
    /** A desk phone registered a contact it did not have before. */
    DEVICE_REGISTERED("device.registered"),
    /** A desk phone's contact was removed or ran out. */
    DEVICE_UNREGISTERED("device.unregistered");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> byWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
