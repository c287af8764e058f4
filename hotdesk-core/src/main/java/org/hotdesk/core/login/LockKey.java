package org.hotdesk.core.login;

/** What failed attempts are counted against: a device, or a user (whatever device they try from). */
public record LockKey(Kind kind, long id) {
    public enum Kind { DEVICE, USER }

    public static LockKey device(long id) {
        return new LockKey(Kind.DEVICE, id);
    }

    public static LockKey user(long id) {
        return new LockKey(Kind.USER, id);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
