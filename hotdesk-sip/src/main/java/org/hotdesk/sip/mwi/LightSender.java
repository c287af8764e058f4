package org.hotdesk.sip.mwi;

import java.nio.charset.StandardCharsets;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.voicemail.Lights;
import org.hotdesk.sip.message.CSeq;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.stack.ClientTransaction;
import org.hotdesk.sip.stack.OwnAddress;
import org.hotdesk.sip.stack.ResponseListener;
import org.hotdesk.sip.stack.SipStack;
import org.hotdesk.sip.subscribe.ActiveSubscriptions;
import org.hotdesk.sip.subscribe.Notifier;
import org.hotdesk.sip.subscribe.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a light the core decided on: inside each of the phone's message-summary subscriptions, or, for a phone that
 * never subscribed, as an unsolicited NOTIFY to each of its registered contacts (Yealink, Poly and most desk phones
 * take those, as Asterisk and FreeSWITCH send them).
 */
final class LightSender {
    private static final Logger log = LoggerFactory.getLogger(LightSender.class);

    private final SipStack stack;
    private final LocationService location;
    private final ActiveSubscriptions subscriptions;
    private final Notifier notifier;

    LightSender(SipStack stack, LocationService location, ActiveSubscriptions subscriptions, Notifier notifier) {
        this.stack = stack;
        this.location = location;
        this.subscriptions = subscriptions;
        this.notifier = notifier;
    }

    /** @param unsolicited also to phones without a subscription, at each registered contact */
    void show(String tenantDomain, Lights lights, boolean unsolicited) {
        String body = MessageSummaryPackage.body(lights.state());
        for (String account : lights.accounts()) {
            var subscribed = subscriptions.of(account, MessageSummaryPackage.NAME);
            if (!subscribed.isEmpty()) {
                for (Subscription s : subscribed) notifier.update(s, body);
                continue;
            }
            if (!unsolicited) continue;
            for (Registration binding : location.bindings(account)) unsolicited(tenantDomain, binding, body);
        }
    }

    /** Outside any dialog (RFC 6665 §4.2.1 with {@code Subscription-State: terminated}): one request per change. */
    private void unsolicited(String domain, Registration binding, String body) {
        try {
            OwnAddress own = stack.own();
            SipRequest notify = SipRequest.create("NOTIFY", SipUri.parse(binding.contact()));
            notify.addLast("Via", own.via(binding.transport()).toString());
            for (String route : binding.path()) notify.addLast("Route", route);
            notify.addLast("Max-Forwards", "70");
            notify.addLast("From", NameAddr.parse("<sip:" + binding.account() + "@" + domain + ">")
                    .withTag(OwnAddress.token()).toString());
            notify.addLast("To", "<sip:" + binding.account() + "@" + domain + ">");
            notify.addLast("Call-ID", OwnAddress.token() + "@" + own.host());
            notify.addLast("CSeq", new CSeq(1, "NOTIFY").toString());
            notify.addLast("Contact", own.contact().toString());
            notify.addLast("Event", MessageSummaryPackage.NAME);
            notify.addLast("Subscription-State", "terminated");
            notify.setBody(MessageSummaryPackage.CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8));
            stack.send(notify, UNSOLICITED);
        } catch (RuntimeException e) {
            log.debug("unsolicited message-summary NOTIFY not sent contact={}: {}", binding.contact(), e.getMessage());
        }
    }

    /** The next change sends the whole state again: an answer changes nothing, a refusal is only worth a debug line. */
    private static final ResponseListener UNSOLICITED = new ResponseListener() {
        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
            if (response.status() >= 300) {
                log.debug("unsolicited message-summary NOTIFY answered {} contact={}", response.status(),
                        transaction.request().requestUriText());
            }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            log.debug("unsolicited message-summary NOTIFY unanswered contact={}", transaction.request().requestUriText());
        }
    };
}
