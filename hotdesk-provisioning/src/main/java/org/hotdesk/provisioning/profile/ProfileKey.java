package org.hotdesk.provisioning.profile;

/**
 * One programmable key. Login and logout keys are speed dials of the tenant's feature codes.
 *
 * @param kind  what pressing it does
 * @param value the number or code dialled or watched; empty for {@link Kind#HOT_DESK}
 * @param label the text next to the key
 */
public record ProfileKey(Kind kind, String value, String label) {
    public enum Kind {
        /** Dials {@code value} on line 1: feature codes (login, logout) and a person's speed dials. */
        SPEED_DIAL,
        /** Watches extension {@code value}'s state and dials it. */
        BLF,
        /** The vendor's own hot-desk key: the phone asks for extension and PIN and registers as the person. */
        HOT_DESK
    }
}
