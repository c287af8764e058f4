package org.hotdesk.core.forwarding;

/**
 * A person's call forwarding; each rule null when not set.
 *
 * @param always      every call, before any phone rings (Diversion reason "unconditional", RFC 5806)
 * @param busy        when every phone that rang answered busy ("user-busy")
 * @param noAnswer    when no phone answered in time ("no-answer")
 * @param unreachable when the person is logged in nowhere and no phone of their own is registered ("unavailable")
 */
public record Forwarding(ForwardTarget always, ForwardTarget busy, NoAnswer noAnswer, ForwardTarget unreachable) {
    public static final Forwarding NONE = new Forwarding(null, null, null, null);

    public boolean isNone() {
        return always == null && busy == null && noAnswer == null && unreachable == null;
    }
}
