package org.hotdesk.sip.mwi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotdesk.core.event.DeviceEvent;
import org.hotdesk.core.event.SessionEvent;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantService;
import org.hotdesk.core.voicemail.Lights;
import org.hotdesk.core.voicemail.MailboxState;
import org.hotdesk.core.voicemail.MessageWaiting;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.stack.ServerRequest;
import org.hotdesk.sip.stack.SipStack;
import org.hotdesk.sip.subscribe.ActiveSubscriptions;
import org.hotdesk.sip.subscribe.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays the voicemail server's message-summary NOTIFYs (RFC 3842) to wherever the person sits, and moves the light
 * with them: a desk shows the person's last known state as soon as they log in there, and no light once they leave.
 * A NOTIFY is taken only from the address of the tenant's voicemail server ({@code voicemailUri}); from anywhere else
 * it is refused and changes nothing.
 */
public final class MessageSummaryRelay {
    private static final Logger log = LoggerFactory.getLogger(MessageSummaryRelay.class);

    private final MessageWaiting waiting;
    private final TenantService tenants;
    private final LightSender sender;

    public MessageSummaryRelay(MessageWaiting waiting, TenantService tenants, SipStack stack, LocationService location,
                               ActiveSubscriptions subscriptions, Notifier notifier) {
        this.waiting = waiting;
        this.tenants = tenants;
        this.sender = new LightSender(stack, location, subscriptions, notifier);
    }

    /** Is this NOTIFY a message-summary report (in a dialog or not, voicemail servers send both)? */
    public static boolean isReport(SipRequest request) {
        String event = request.header("Event");
        if (event == null) return false;
        int semi = event.indexOf(';');
        String name = (semi < 0 ? event : event.substring(0, semi)).trim();
        return name.equalsIgnoreCase(MessageSummaryPackage.NAME);
    }

    /** A NOTIFY with {@code Event: message-summary} for one person's mailbox (Request-URI user, else To user). */
    public void reported(ServerRequest event) {
        SipRequest request = event.request();
        String source = event.origin().host();
        SipUri requestUri = request.requestUri();
        SipUri to = request.to().uri();
        List<String> domains = new ArrayList<>(2);
        if (requestUri.isSip()) domains.add(requestUri.host());
        if (to.isSip()) domains.add(to.host());
        Optional<Tenant> tenant = waiting.tenantOf(domains, source);
        if (tenant.isEmpty() || !waiting.isVoicemailServer(tenant.get(), source)) {
            log.debug("message-summary NOTIFY refused: not from a voicemail server source={} domains={}", source, domains);
            event.reply(403, "Not this domain's voicemail server");
            return;
        }
        String contentType = request.contentType();
        if (contentType == null || !contentType.split(";")[0].trim().toLowerCase(Locale.ROOT)
                .equals(MessageSummaryPackage.CONTENT_TYPE)) {
            event.reply(415, null, r -> r.addLast("Accept", MessageSummaryPackage.CONTENT_TYPE));
            return;
        }
        String summary = new String(request.body(), StandardCharsets.UTF_8);
        if (summary.isBlank()) {
            event.reply(400, "Empty message summary");
            return;
        }
        MailboxState state = new MailboxState(summary);
        Optional<Lights> lights = Optional.empty();
        for (SipUri uri : List.of(requestUri, to)) {
            if (lights.isPresent()) break;
            if (uri.isSip() && uri.user() != null) lights = waiting.reported(tenant.get(), uri.decodedUser(), state);
        }
        if (lights.isEmpty()) {
            event.reply(404, "No such extension");
            return;
        }
        event.reply(200, null);
        log.debug("message-summary relayed tenant={} to={}", tenant.get().domain(), lights.get().accounts());
        sender.show(tenant.get().domain(), lights.get(), true);
    }

    /**
     * A login shows the person's light at that desk at once; a logout (any reason) puts it out. Desks that did not
     * subscribe hear of it only where the tenant has a voicemail server (elsewhere no light was ever lit), and a login
     * with nothing known only where it lights something: the logout before it put the light out already, and the
     * morning's logins would each cost a NOTIFY for nothing.
     */
    public void onDeviceEvent(DeviceEvent event) {
        if (!(event instanceof SessionEvent session)) return;
        Lights lights = waiting.afterSessionChange(session);
        boolean worthSending = lights.state().isPresent() || session instanceof SessionEvent.Ended;
        tenants.findById(session.device().tenantId()).ifPresent(t -> sender.show(t.domain(), lights,
                worthSending && t.settings().routing().voicemailUri() != null));
    }
}
