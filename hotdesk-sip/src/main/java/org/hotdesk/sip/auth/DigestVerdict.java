package org.hotdesk.sip.auth;

/** The outcome of checking a digest response. */
public enum DigestVerdict {
    /** The phone knows the password. */
    VALID,
    /** Right password, but the nonce is too old or was used already: challenge again with {@code stale=true}. */
    STALE,
    /** Wrong password, wrong user or realm, or a nonce this server never issued. */
    INVALID
}
