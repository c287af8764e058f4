package org.hotdesk.core.access;

/** A token just issued: the secret is in this answer only and cannot be shown again. */
public record IssuedToken(AccessToken token, String secret) {
    @Override
    public String toString() {
        return "IssuedToken[id=" + token.id() + ", name=" + token.name() + "]";
    }
}
