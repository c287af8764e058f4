package org.hotdesk.sip.subscribe;

import java.nio.charset.StandardCharsets;
import org.hotdesk.sip.message.CSeq;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.stack.ClientTransaction;
import org.hotdesk.sip.stack.OwnAddress;
import org.hotdesk.sip.stack.ResponseListener;
import org.hotdesk.sip.stack.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the NOTIFYs of subscriptions (RFC 6665 §4.2.2): inside the dialog, one at a time (a newer state waits for the
 * answer to the one in flight, and only the newest waits), and ends the subscription when the subscriber no longer
 * knows it (481) or does not answer at all.
 */
public final class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final SipStack stack;
    private final ActiveSubscriptions active;

    public Notifier(SipStack stack, ActiveSubscriptions active) {
        this.stack = stack;
        this.active = active;
    }

    /** Tells the subscriber the resource's state now; the subscription goes on. */
    public void update(Subscription subscription, String body) {
        offer(subscription, new Notice(null, body));
    }

    /** Ends the subscription with a last NOTIFY ({@code Subscription-State: terminated}) carrying the final state. */
    void end(Subscription subscription, Notice.Ending ending, String body) {
        active.remove(subscription);
        offer(subscription, new Notice(ending, body));
    }

    private void offer(Subscription subscription, Notice notice) {
        if (subscription.offer(notice)) send(subscription, notice);
    }

    private void send(Subscription s, Notice notice) {
        try {
            SipRequest notify = request(s, notice);
            Answer answer = new Answer(s);
            if (s.routeSet().isEmpty()) {
                stack.send(notify, s.flow(), answer);
            } else {
                stack.send(notify, answer);
            }
        } catch (RuntimeException e) {
            log.debug("NOTIFY not sent subscription={}: {}", s, e.getMessage());
            failed(s, "not sent");
        }
    }

    private SipRequest request(Subscription s, Notice notice) {
        OwnAddress own = stack.own();
        SipRequest notify = SipRequest.create("NOTIFY", s.remoteTarget());
        notify.addLast("Via", own.via(s.flow().transport()).toString());
        for (String route : s.routeSet()) notify.addLast("Route", route);
        notify.addLast("Max-Forwards", "70");
        notify.addLast("From", s.local().toString());
        notify.addLast("To", s.remote().toString());
        notify.addLast("Call-ID", s.id().callId());
        notify.addLast("CSeq", new CSeq(s.nextCseq(), "NOTIFY").toString());
        notify.addLast("Contact", OwnContact.on(own, s.flow().transport()).toString());
        notify.addLast("Event", s.event().header());
        notify.addLast("Subscription-State",
                notice.last() ? notice.ending().header : "active;expires=" + s.secondsLeft());
        notify.setBody(s.eventPackage().contentType(), notice.body().getBytes(StandardCharsets.UTF_8));
        return notify;
    }

    private void failed(Subscription s, String why) {
        if (active.remove(s)) log.debug("subscription ended: {} subscription={}", why, s);
        s.abandon();
    }

    /** One NOTIFY in flight; called on the worker of its Call-ID. */
    private final class Answer implements ResponseListener {
        private final Subscription subscription;

        Answer(Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
            int status = response.status();
            if (status < 200) return;
            if (status == 481) {
                // RFC 6665 §4.2.2: the subscriber knows no such dialog, the subscription is over
                failed(subscription, "481 from the subscriber");
                return;
            }
            if (status >= 300) log.debug("NOTIFY answered {} subscription={}", status, subscription);
            Notice next = subscription.answered();
            if (next != null) send(subscription, next);
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            // RFC 6665 §4.2.2: a NOTIFY that times out ends the subscription
            failed(subscription, "NOTIFY unanswered");
        }
    }
}
