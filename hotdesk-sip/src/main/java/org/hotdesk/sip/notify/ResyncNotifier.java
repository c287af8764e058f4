package org.hotdesk.sip.notify;

import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.event.DeviceEvent;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.sip.transport.SipEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every session change and every admin edit a phone shows, tells each registered contact of the device to
 * fetch its configuration again (the new user's name, line label and keys; the desk's new SIP domain), so the
 * screen follows without a reboot. Unregistered devices get nothing: they fetch their config when they next start.
 */
public final class ResyncNotifier {
    private static final Logger log = LoggerFactory.getLogger(ResyncNotifier.class);

    private final SipEndpoint sip;
    private final LocationService location;
    private final java.util.function.LongFunction<Tenant> tenants;

    public ResyncNotifier(SipEndpoint sip, LocationService location, java.util.function.LongFunction<Tenant> tenants) {
        this.sip = sip;
        this.location = location;
        this.tenants = tenants;
    }

    public void onDeviceEvent(DeviceEvent event) {
        Device device = event.device();
        List<Registration> bindings = location.ofDevice(device.id());
        if (bindings.isEmpty()) {
            log.info("no re-sync NOTIFY: device not registered tenant={} mac={} after={}", device.tenantId(),
                    device.label(), event.getClass().getSimpleName());
            return;
        }
        Tenant tenant = tenants.apply(device.tenantId());
        for (Registration binding : bindings) {
            Vendor vendor = device.vendor() != Vendor.GENERIC ? device.vendor() : Vendor.fromUserAgent(binding.userAgent());
            send(tenant, device, binding, ResyncEvent.forVendor(vendor));
        }
    }

    private void send(Tenant tenant, Device device, Registration binding, String eventName) {
        try {
            URI target = sip.parseUri(binding.contact());
            Address server = sip.address("<sip:hotdesk@" + tenant.domain() + ">");
            Address phone = sip.address("<sip:" + binding.account() + "@" + tenant.domain() + ">");
            Request notify = sip.messages().createRequest(target, Request.NOTIFY,
                    sip.provider().getNewCallId(), sip.headers().createCSeqHeader(1L, Request.NOTIFY),
                    sip.headers().createFromHeader(server, SipEndpoint.randomToken()),
                    sip.headers().createToHeader(phone, null),
                    List.of(sip.via(binding.transport())), sip.headers().createMaxForwardsHeader(70));
            for (String route : binding.path()) {
                notify.addLast(sip.headers().createRouteHeader(sip.address(route)));
            }
            sip.addHeader(notify, "Event", eventName);
            sip.addHeader(notify, "Subscription-State", "terminated");
            notify.addHeader(sip.contact());
            ClientTransaction ct = sip.provider().getNewClientTransaction(notify);
            ct.setApplicationData(new Sent(tenant.domain(), device.label(), binding.contact(), eventName));
            ct.sendRequest();
            log.debug("re-sync NOTIFY sent tenant={} mac={} contact={} event={}", tenant.domain(), device.label(),
                    binding.contact(), eventName);
        } catch (Exception e) {
            log.warn("re-sync NOTIFY not sent tenant={} mac={} contact={}: {}", tenant.domain(), device.label(),
                    binding.contact(), e.getMessage());
        }
    }

    /** The phone's answer to a NOTIFY; true when the transaction was one of ours. */
    public static boolean onResponse(ClientTransaction ct, Response response) {
        if (ct == null || !(ct.getApplicationData() instanceof Sent sent)) return false;
        if (response.getStatusCode() >= 300) {
            log.info("re-sync NOTIFY refused tenant={} mac={} contact={} status={} {}", sent.tenant(), sent.mac(),
                    sent.contact(), response.getStatusCode(), response.getReasonPhrase());
        } else if (response.getStatusCode() >= 200) {
            // one per login and logout: the morning rush would flood the log at INFO
            log.debug("re-sync NOTIFY answered tenant={} mac={} contact={} status={} {}", sent.tenant(), sent.mac(),
                    sent.contact(), response.getStatusCode(), response.getReasonPhrase());
        }
        return true;
    }

    public static boolean onTimeout(ClientTransaction ct) {
        if (ct == null || !(ct.getApplicationData() instanceof Sent sent)) return false;
        log.warn("re-sync NOTIFY unanswered tenant={} mac={} contact={}", sent.tenant(), sent.mac(), sent.contact());
        return true;
    }

    private record Sent(String tenant, String mac, String contact, String event) {
    }
}
