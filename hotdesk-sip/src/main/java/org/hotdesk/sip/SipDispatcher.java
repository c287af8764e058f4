package org.hotdesk.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.sip.notify.ResyncNotifier;
import org.hotdesk.sip.registrar.Registrar;
import org.hotdesk.sip.routing.CallRouter;
import org.hotdesk.sip.routing.InDialog;
import org.hotdesk.sip.routing.Proxy;
import org.hotdesk.sip.transport.SipEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Sends each SIP message to the part that handles it. A failure in one message never stops the others. */
final class SipDispatcher implements SipListener {
    private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, UPDATE, INFO, PRACK, NOTIFY";
    /** Request-URI schemes this server routes; any other gets 416 (RFC 3261 §8.2.2.1, §16.3 step 2). */
    private static final Set<String> URI_SCHEMES = Set.of("sip", "sips", "tel");
    /** Option tags a request may Require of this server (Path, RFC 3327, at the registrar). */
    private static final Set<String> SUPPORTED = Set.of("path");
    /** Methods this server answers itself rather than relays, so their Require is for it to check. */
    private static final Set<String> ANSWERED_HERE = Set.of(Request.REGISTER, Request.OPTIONS, Request.SUBSCRIBE);

    private final SipEndpoint sip;
    private final Registrar registrar;
    private final CallRouter router;
    private final InDialog inDialog;
    private final Proxy proxy;
    private final SourceGuard guard;
    private final ScheduledExecutorService held;
    private final EmergencyCalls emergencyCalls;

    /** @param held runs the requests of addresses the guard slows down, after their delay */
    SipDispatcher(SipEndpoint sip, Registrar registrar, CallRouter router, InDialog inDialog, Proxy proxy,
                  SourceGuard guard, ScheduledExecutorService held, EmergencyCalls emergencyCalls) {
        this.guard = guard;
        this.emergencyCalls = emergencyCalls;
        this.held = held;
        this.sip = sip;
        this.registrar = registrar;
        this.router = router;
        this.inDialog = inDialog;
        this.proxy = proxy;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String source = SipEndpoint.sourceOf(request).host();
        // an emergency call is never slowed or blocked, not even from an address that misbehaved
        if (emergencyCalls.isEmergency(request)) {
            handle(event);
            return;
        }
        if (guard.isBlocked(source)) {
            // not even an error: a blocked scanner learns nothing and waits for its timeouts
            return;
        }
        Duration hold = guard.delayFor(source);
        String method = request.getMethod();
        if (!hold.isZero() && !method.equals(Request.ACK) && !method.equals(Request.CANCEL) && !Proxy.inDialog(request)) {
            // an address on its way to a block is answered slowly; its transaction absorbs retransmissions meanwhile
            ServerTransaction transaction = sip.serverTransaction(event);
            if (transaction == null) return;
            RequestEvent later = new RequestEvent(event.getSource(), transaction, event.getDialog(), request);
            held.schedule(() -> handle(later), hold.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        handle(event);
    }

    private void handle(RequestEvent event) {
        Request request = event.getRequest();
        MDC.put("callId", Proxy.callId(request));
        try {
            String method = request.getMethod();
            if (!method.equals(Request.ACK) && refusedBeforeRouting(event)) return;
            if (Proxy.inDialog(request) && !method.equals(Request.CANCEL)) {
                inDialog.handle(event);
                return;
            }
            switch (method) {
                case Request.REGISTER -> registrar.register(event);
                case Request.INVITE -> router.invite(event);
                case Request.CANCEL -> proxy.cancel(event);
                case Request.ACK -> {
                    // an ACK without To tag belongs to a non-2xx answer its transaction already absorbed
                }
                case Request.OPTIONS -> sip.reply(event, Response.OK, null, r -> sip.addHeader(r, "Allow", ALLOW));
                case Request.SUBSCRIBE -> sip.reply(event, Response.BAD_EVENT, null, r -> sip.addHeader(r, "Allow-Events", "check-sync"));
                case Request.BYE, Request.NOTIFY, Request.PRACK, Request.UPDATE, Request.INFO ->
                        sip.reply(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
                default -> sip.reply(event, Response.METHOD_NOT_ALLOWED, null, r -> sip.addHeader(r, "Allow", ALLOW));
            }
        } catch (InvalidInputException e) {
            log.info("{} refused: {}", request.getMethod(), e.getMessage());
            sip.reply(event, Response.BAD_REQUEST, e.getMessage().length() > 100 ? e.getMessage().substring(0, 100) : e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} failed", request.getMethod(), e);
            sip.reply(event, Response.SERVER_INTERNAL_ERROR, "Server error");
        } finally {
            MDC.clear();
        }
    }

    /**
     * The checks every request passes before any handler sees it (RFC 3261 §8.2.1-§8.2.2, §16.3): the SIP
     * version, the Request-URI scheme, and the extensions it insists on. Answers and returns true when one fails.
     */
    private boolean refusedBeforeRouting(RequestEvent event) {
        Request request = event.getRequest();
        String version = SipEndpoint.sipVersion(request);
        if (!"SIP/2.0".equalsIgnoreCase(version)) {
            sip.reply(event, Response.VERSION_NOT_SUPPORTED, null);
            return true;
        }
        String scheme = request.getRequestURI().getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!URI_SCHEMES.contains(scheme)) {
            sip.reply(event, Response.UNSUPPORTED_URI_SCHEME, null);
            return true;
        }
        if (request.getMethod().equals(Request.CANCEL)) return false;
        List<String> unsupported = new ArrayList<>(optionTags(request, ProxyRequireHeader.NAME));
        // Require is end to end: only what this server answers itself is its business (§8.2.2.3)
        if (ANSWERED_HERE.contains(request.getMethod())) unsupported.addAll(optionTags(request, RequireHeader.NAME));
        unsupported.removeIf(SUPPORTED::contains);
        if (unsupported.isEmpty()) return false;
        sip.reply(event, Response.BAD_EXTENSION, null, r -> sip.addHeader(r, "Unsupported", String.join(", ", unsupported)));
        return true;
    }

    private static List<String> optionTags(Request request, String header) {
        List<String> tags = new ArrayList<>();
        request.getHeaders(header).forEachRemaining(h -> tags.add(((javax.sip.header.OptionTag) h).getOptionTag().trim()));
        return tags;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            if (!ResyncNotifier.onResponse(event.getClientTransaction(), event.getResponse())) {
                proxy.onResponse(event);
            }
        } catch (RuntimeException e) {
            log.error("response {} failed", event.getResponse().getStatusCode(), e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) return;
        ClientTransaction ct = event.getClientTransaction();
        if (!ResyncNotifier.onTimeout(ct)) proxy.onTimeout(ct);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.info("SIP I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }
}
