package org.hotdesk.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.sip.message.MalformedHeaderException;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.mwi.MessageSummaryRelay;
import org.hotdesk.sip.notify.AfterTheAnswer;
import org.hotdesk.sip.registrar.Registrar;
import org.hotdesk.sip.routing.CallRouter;
import org.hotdesk.sip.routing.InDialog;
import org.hotdesk.sip.routing.Proxy;
import org.hotdesk.sip.stack.ServerRequest;
import org.hotdesk.sip.stack.SipStack;
import org.hotdesk.sip.subscribe.EventPackages;
import org.hotdesk.sip.subscribe.SubscribeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every request passes before its method's handler (the source guard, RFC 3261 §8.2.2 and §16.3 checks,
 * dialogs), and which handler takes which method. A failure in one request never stops the others.
 */
final class SipDispatcher {
    private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);
    /** Request-URI schemes this server routes; any other gets 416 (RFC 3261 §8.2.2.1, §16.3 step 2). */
    private static final Set<String> URI_SCHEMES = Set.of("sip", "sips", "tel");
    /** Option tags a request may Require of this server (Path, RFC 3327, at the registrar). */
    private static final Set<String> SUPPORTED = Set.of("path");
    /** Methods this server answers itself rather than relays, so their Require is for it to check. */
    private static final Set<String> ANSWERED_HERE = Set.of("REGISTER", "OPTIONS", "SUBSCRIBE");

    private final SipStack stack;
    private final InDialog inDialog;
    private final SourceGuard guard;
    private final ScheduledExecutorService held;
    private final EmergencyCalls emergencyCalls;

    /** @param held runs the requests of addresses the guard slows down, after their delay */
    SipDispatcher(SipStack stack, InDialog inDialog, SourceGuard guard, ScheduledExecutorService held,
                  EmergencyCalls emergencyCalls) {
        this.stack = stack;
        this.inDialog = inDialog;
        this.guard = guard;
        this.held = held;
        this.emergencyCalls = emergencyCalls;
    }

    /**
     * Connects the handlers to the stack: one per method, so the Allow header lists exactly these. SUBSCRIBE goes to
     * the event packages served ({@code packages}); a NOTIFY is taken only as a voicemail server's message-summary.
     */
    void listen(Registrar registrar, CallRouter router, Proxy proxy, SubscribeHandler subscribe, EventPackages packages,
                MessageSummaryRelay mwi) {
        stack.handle("REGISTER", registrar::register);
        stack.handle("INVITE", router::invite);
        stack.handle("CANCEL", proxy::cancel);
        // an ACK without To tag belongs to a non-2xx answer; its transaction absorbs it, any other copy is dropped
        stack.handle("ACK", request -> { });
        // RFC 6665 §8.2.2: Allow-Events in answers to OPTIONS names the packages this server serves
        stack.handle("OPTIONS", request -> request.reply(200, null, r -> {
            r.addLast("Allow", stack.allow());
            if (!packages.isEmpty()) r.addLast("Allow-Events", packages.allowEvents());
        }));
        stack.handle("SUBSCRIBE", subscribe::subscribe);
        stack.handle("NOTIFY", request -> {
            if (MessageSummaryRelay.isReport(request.request())) mwi.reported(request);
            else request.reply(481, null);
        });
        // outside a dialog these name nothing this server knows (inside one, InDialog takes them)
        for (String method : List.of("BYE", "PRACK", "UPDATE", "INFO")) {
            stack.handle(method, request -> request.reply(481, null));
        }
        stack.onStrayResponse(proxy::relayStray);
        stack.intercept(this::admit);
    }

    private void admit(ServerRequest request) {
        SipRequest message = request.request();
        // an emergency call is never slowed or blocked, not even from an address that misbehaved
        if (emergencyCalls.isEmergency(message)) {
            handle(request);
            return;
        }
        String source = request.origin().host();
        if (guard.isBlocked(source)) {
            // not even an error: a blocked scanner learns nothing and waits for its timeouts
            return;
        }
        Duration hold = guard.delayFor(source);
        String method = request.method();
        if (!hold.isZero() && !method.equals("ACK") && !method.equals("CANCEL") && !message.inDialog()) {
            // an address on its way to a block is answered slowly; its transaction absorbs retransmissions meanwhile
            if (request.transaction() == null) return;
            held.schedule(() -> handle(request), hold.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        handle(request);
    }

    private void handle(ServerRequest request) {
        AfterTheAnswer.handle(() -> answer(request));
    }

    private void answer(ServerRequest request) {
        SipRequest message = request.request();
        MDC.put("callId", message.callId());
        try {
            String method = request.method();
            if (!method.equals("ACK") && refusedBeforeRouting(request)) return;
            if (message.inDialog() && !method.equals("CANCEL") && !answeredHereInDialog(message)) {
                inDialog.handle(request);
                return;
            }
            stack.dispatch(request);
        } catch (InvalidInputException e) {
            log.info("{} refused: {}", request.method(), e.getMessage());
            request.reply(400, e.getMessage().length() > 100 ? e.getMessage().substring(0, 100) : e.getMessage());
        } catch (MalformedHeaderException e) {
            log.debug("{} refused: malformed {}", request.method(), e.header());
            request.reply(400, "Bad " + e.header());
        } catch (RuntimeException e) {
            log.error("{} failed", request.method(), e);
            request.reply(500, "Server error");
        } finally {
            MDC.clear();
        }
    }

    /**
     * In-dialog requests that belong to no call this server proxies: a subscription's refresh (this server is the
     * notifier of every subscription it accepts) and a voicemail server's message-summary NOTIFY.
     */
    private static boolean answeredHereInDialog(SipRequest message) {
        return message.method().equals("SUBSCRIBE")
                || (message.method().equals("NOTIFY") && MessageSummaryRelay.isReport(message));
    }

    /**
     * The checks every request passes before any handler sees it (RFC 3261 §8.2.2, §16.3): the Request-URI scheme
     * and the extensions it insists on. Answers and returns true when one fails. (The SIP version the stack checks.)
     */
    private boolean refusedBeforeRouting(ServerRequest request) {
        SipRequest message = request.request();
        String scheme = message.requestUri().scheme().toLowerCase(Locale.ROOT);
        if (!URI_SCHEMES.contains(scheme)) {
            request.reply(416, null);
            return true;
        }
        if (request.method().equals("CANCEL")) return false;
        List<String> unsupported = new ArrayList<>(optionTags(message, "Proxy-Require"));
        // Require is end to end: only what this server answers itself is its business (§8.2.2.3)
        if (ANSWERED_HERE.contains(request.method())) unsupported.addAll(optionTags(message, "Require"));
        unsupported.removeIf(tag -> SUPPORTED.contains(tag.toLowerCase(Locale.ROOT)));
        if (unsupported.isEmpty()) return false;
        request.reply(420, null, r -> r.addLast("Unsupported", String.join(", ", unsupported)));
        return true;
    }

    private static List<String> optionTags(SipRequest request, String header) {
        List<String> tags = new ArrayList<>();
        for (String tag : request.headers(header)) {
            if (!tag.isBlank()) tags.add(tag.trim());
        }
        return tags;
    }
}
