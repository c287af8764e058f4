package org.hotdesk.core.resync;

/**
 * One NOTIFY sent to one contact of a desk.
 *
 * @param event   the Event header, e.g. {@code check-sync;reboot=false}
 * @param contact the registered contact it went to
 * @param number  1 for the first try, 2 for the first retry, ...
 */
public record ResyncAttempt(String event, String contact, int number) {
    public ResyncAttempt {
        if (number < 1) throw new IllegalArgumentException("attempts count from 1, not " + number);
    }

    public static ResyncAttempt first(String event, String contact) {
        return new ResyncAttempt(event, contact, 1);
    }

    public ResyncAttempt next() {
        return new ResyncAttempt(event, contact, number + 1);
    }
}
