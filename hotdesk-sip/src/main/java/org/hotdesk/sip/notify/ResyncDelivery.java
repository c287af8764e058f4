package org.hotdesk.sip.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.resync.ResyncAttempt;
import org.hotdesk.core.resync.ResyncOutcome;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.resync.ResyncPolicy;
import org.hotdesk.sip.message.CSeq;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.stack.ClientTransaction;
import org.hotdesk.sip.stack.OwnAddress;
import org.hotdesk.sip.stack.ResponseListener;
import org.hotdesk.sip.stack.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a desk's re-sync NOTIFYs and applies the core's {@link ResyncPolicy} to their answers: a NOTIFY that goes
 * unanswered or is refused for now goes out again later, each outcome lands in {@link ResyncOutcomes}.
 *
 * <p>Each change a desk is told of opens a round; a retry of an older round is dropped (the newer NOTIFY already
 * asked for the newer configuration), and so is an answer to it, so the outcome shown is the newest change's. A
 * retry goes only to a contact that is still registered: a phone that left will fetch its configuration when it
 * comes back.
 */
final class ResyncDelivery {
    private static final Logger log = LoggerFactory.getLogger(ResyncDelivery.class);

    private final SipStack stack;
    private final LocationService location;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final ResyncPolicy policy;
    private final ResyncOutcomes outcomes;
    private final AtomicLong rounds = new AtomicLong();
    /** device id → its newest round; only that round's NOTIFYs are retried and recorded */
    private final Map<Long, Long> current = new ConcurrentHashMap<>();

    ResyncDelivery(SipStack stack, LocationService location, ScheduledExecutorService timers, Clock clock,
                   ResyncPolicy policy, ResyncOutcomes outcomes) {
        this.stack = stack;
        this.location = location;
        this.timers = timers;
        this.clock = clock;
        this.policy = policy;
        this.outcomes = outcomes;
    }

    /** Where one round's NOTIFYs go: one registered contact of a desk, and what it is told. */
    record Target(String tenant, long deviceId, String mac, String contact, String event, long round) {
    }

    /** A new change for the device: supersedes whatever of the previous one is still to be retried. */
    long newRound(long deviceId) {
        long round = rounds.incrementAndGet();
        current.put(deviceId, round);
        return round;
    }

    /** A change came while the desk had no binding: nothing is sent, the admin sees why. */
    void notRegistered(long deviceId) {
        newRound(deviceId);
        outcomes.record(deviceId, ResyncOutcome.notRegistered(clock.instant()));
    }

    /** The first NOTIFY of a round, to a binding just looked up. */
    void first(Target target, Registration binding) {
        send(target, ResyncAttempt.first(target.event(), target.contact()), binding);
    }

    private boolean superseded(Target target) {
        return current.getOrDefault(target.deviceId(), 0L) != target.round();
    }

    private void retry(Target target, ResyncAttempt attempt) {
        if (superseded(target)) {
            log.debug("re-sync retry dropped, a newer change was sent tenant={} mac={} contact={}", target.tenant(),
                    target.mac(), target.contact());
            return;
        }
        Optional<Registration> binding = location.ofDevice(target.deviceId()).stream()
                .filter(b -> b.contact().equals(target.contact())).findFirst();
        if (binding.isEmpty()) {
            log.info("re-sync retry not sent: unregistered tenant={} mac={} contact={} attempt={}", target.tenant(),
                    target.mac(), target.contact(), attempt.number());
            outcomes.record(target.deviceId(), ResyncOutcome.unregisteredBefore(attempt, clock.instant()));
            return;
        }
        send(target, attempt, binding.get());
    }

    private void send(Target target, ResyncAttempt attempt, Registration binding) {
        try {
            SipRequest notify = request(target, binding);
            outcomes.record(target.deviceId(), ResyncOutcome.sent(attempt, clock.instant()));
            stack.send(notify, new Answer(target, attempt));
            log.debug("re-sync NOTIFY sent tenant={} mac={} contact={} event={} attempt={}", target.tenant(),
                    target.mac(), target.contact(), target.event(), attempt.number());
        } catch (RuntimeException e) {
            log.warn("re-sync NOTIFY not sent tenant={} mac={} contact={}: {}", target.tenant(), target.mac(),
                    target.contact(), e.getMessage());
            outcomes.record(target.deviceId(), policy.notSent(attempt, String.valueOf(e.getMessage()), clock.instant()));
        }
    }

    /** An out-of-dialog NOTIFY (RFC 6665 §4.2.1 with Subscription-State terminated): each try is a new request. */
    private SipRequest request(Target target, Registration binding) {
        OwnAddress own = stack.own();
        SipRequest notify = SipRequest.create("NOTIFY", SipUri.parse(binding.contact()));
        notify.addLast("Via", own.via(binding.transport()).toString());
        for (String route : binding.path()) notify.addLast("Route", route);
        notify.addLast("Max-Forwards", "70");
        notify.addLast("From", NameAddr.parse("<sip:hotdesk@" + target.tenant() + ">").withTag(OwnAddress.token()).toString());
        notify.addLast("To", "<sip:" + binding.account() + "@" + target.tenant() + ">");
        notify.addLast("Call-ID", OwnAddress.token() + "@" + own.host());
        notify.addLast("CSeq", new CSeq(1, "NOTIFY").toString());
        notify.addLast("Contact", own.contact().toString());
        notify.addLast("Event", target.event());
        notify.addLast("Subscription-State", "terminated");
        return notify;
    }

    /** Records what the policy makes of the answer (or the silence) and schedules the retry it asks for. */
    private void settle(Target target, ResyncOutcome outcome) {
        if (superseded(target)) return; // a newer change's NOTIFY is what the desk shows now
        outcomes.record(target.deviceId(), outcome);
        switch (outcome.state()) {
            case RETRYING -> {
                long delay = Duration.between(outcome.at(), outcome.nextAttemptAt()).toMillis();
                log.info("re-sync NOTIFY to be sent again tenant={} mac={} contact={} after={} attempt={} inMillis={}",
                        target.tenant(), target.mac(), target.contact(), outcome.detail(), outcome.attempt(), delay);
                ResyncAttempt next = new ResyncAttempt(outcome.event(), outcome.contact(), outcome.attempt() + 1);
                timers.schedule(() -> retry(target, next), delay, TimeUnit.MILLISECONDS);
            }
            case FAILED -> log.warn("re-sync NOTIFY failed tenant={} mac={} contact={} event={}: {}", target.tenant(),
                    target.mac(), target.contact(), target.event(), outcome.detail());
            // one per login and logout: the morning rush would flood the log at INFO
            default -> log.debug("re-sync NOTIFY answered tenant={} mac={} contact={} status={}", target.tenant(),
                    target.mac(), target.contact(), outcome.detail());
        }
    }

    /** One NOTIFY in flight. Called on the worker of its Call-ID. */
    private final class Answer implements ResponseListener {
        private final Target target;
        private final ResyncAttempt attempt;

        Answer(Target target, ResyncAttempt attempt) {
            this.target = target;
            this.attempt = attempt;
        }

        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
            if (response.status() < 200) return;
            settle(target, policy.answered(attempt, response.status(), response.reason(), clock.instant()));
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            settle(target, policy.unanswered(attempt, clock.instant()));
        }
    }
}
