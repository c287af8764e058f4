package org.hotdesk.sip.mwi;

import java.util.Optional;
import org.hotdesk.core.voicemail.MailboxState;
import org.hotdesk.core.voicemail.MessageWaiting;
import org.hotdesk.sip.registrar.SipAccount;
import org.hotdesk.sip.subscribe.EventPackage;
import org.hotdesk.sip.subscribe.SubscribeRefusal;
import org.hotdesk.sip.subscribe.Subscription;

/**
 * The {@code message-summary} event package (RFC 3842): a phone watches its own message-waiting light. A desk's is
 * the light of whoever is logged in there ({@link MessageWaiting} decides), a person's own phone shows theirs.
 */
public final class MessageSummaryPackage implements EventPackage {
    public static final String NAME = "message-summary";
    public static final String CONTENT_TYPE = "application/simple-message-summary";
    /** What a phone with no light to show is told (RFC 3842 §5.2: Messages-Waiting is the one mandatory line). */
    static final String NOTHING_WAITING = "Messages-Waiting: no\r\n";

    private final MessageWaiting waiting;

    public MessageSummaryPackage(MessageWaiting waiting) {
        this.waiting = waiting;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** An hour, RFC 3842's suggestion for this package. */
    @Override
    public int defaultExpires() {
        return 3600;
    }

    @Override
    public Optional<SubscribeRefusal> refusal(SipAccount subscriber, String resource) {
        Long ownUser = switch (subscriber) {
            case SipAccount.UserAccount u -> u.user().id();
            case SipAccount.PhoneKeyAccount p -> p.user().id();
            case SipAccount.DeviceAccount d -> null;
        };
        if (waiting.mayWatch(subscriber.tenant(), ownUser, resource)) return Optional.empty();
        return Optional.of(new SubscribeRefusal(403, "Only your own mailbox"));
    }

    @Override
    public String state(Subscription subscription) {
        Optional<MailboxState> shown = switch (subscription.subscriber()) {
            case SipAccount.DeviceAccount d -> waiting.shownAtDesk(d.device().id());
            case SipAccount.PhoneKeyAccount p -> waiting.shownAtDesk(p.device().id());
            case SipAccount.UserAccount u -> waiting.shownOnOwnPhones(u.user().id());
        };
        return body(shown);
    }

    static String body(Optional<MailboxState> state) {
        return state.map(MailboxState::summary).orElse(NOTHING_WAITING);
    }
}
