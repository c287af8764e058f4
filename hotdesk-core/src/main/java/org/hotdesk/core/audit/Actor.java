package org.hotdesk.core.audit;

/** Who caused a change: shown in the audit log. */
public record Actor(Kind kind, String name) {
    public enum Kind { SYSTEM, ADMIN, USER, DEVICE }

    public Actor {
        if (kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("actor needs a kind and a name");
        }
    }

    public static Actor system(String name) {
        return new Actor(Kind.SYSTEM, name);
    }

    public static Actor admin(String name) {
        return new Actor(Kind.ADMIN, name);
    }

    public static Actor user(String extension) {
        return new Actor(Kind.USER, extension);
    }

    public static Actor device(String mac) {
        return new Actor(Kind.DEVICE, mac);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
