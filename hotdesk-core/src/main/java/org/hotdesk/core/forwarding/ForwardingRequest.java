package org.hotdesk.core.forwarding;

/**
 * A person's forwarding rules as typed on a form or sent to the API, before they are checked: each target as
 * people write it ({@code 1002}, {@code +4930123456}, {@code voicemail}), null or blank for no rule.
 *
 * @param noAnswer null for no rule; with a blank target it is a rule that lacks its target
 */
public record ForwardingRequest(String always, String busy, NoAnswerText noAnswer, String unreachable) {
    public static final ForwardingRequest NONE = new ForwardingRequest(null, null, null, null);

    /** @param afterSeconds null for {@link NoAnswer#DEFAULT_SECONDS} */
    public record NoAnswerText(String target, Integer afterSeconds) {
    }

    /** The request that would set {@code f} again (what a form shows for the stored rules). */
    public static ForwardingRequest of(Forwarding f) {
        return new ForwardingRequest(text(f.always()), text(f.busy()),
                f.noAnswer() == null ? null : new NoAnswerText(f.noAnswer().target().text(), f.noAnswer().afterSeconds()),
                text(f.unreachable()));
    }

    private static String text(ForwardTarget t) {
        return t == null ? null : t.text();
    }
}
