package org.hotdesk.sip.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.event.DeviceEvent;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.tenant.Tenant;
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
 * After every session change and every admin edit a phone shows, tells each registered contact of the device to
 * fetch its configuration again (the new user's name, line label and keys; the desk's new SIP domain), so the
 * screen follows without a reboot. Unregistered devices get nothing: they fetch their config when they next start.
 *
 * <p>One change, one NOTIFY: what a device is told within {@link #COALESCE} goes out as one (a login that displaces
 * someone ends one session and starts another; each phone fetches once, after the last of them), and never before
 * the answer to the request that caused it ({@link AfterTheAnswer}).
 */
public final class ResyncNotifier {
    private static final Logger log = LoggerFactory.getLogger(ResyncNotifier.class);

    static final Duration COALESCE = Duration.ofMillis(10);

    private final SipStack stack;
    private final LocationService location;
    private final java.util.function.LongFunction<Tenant> tenants;
    private final ScheduledExecutorService timers;
    /** device id → the latest event for it not yet sent */
    private final Map<Long, DeviceEvent> pending = new ConcurrentHashMap<>();

    public ResyncNotifier(SipStack stack, LocationService location, java.util.function.LongFunction<Tenant> tenants,
                          ScheduledExecutorService timers) {
        this.stack = stack;
        this.location = location;
        this.tenants = tenants;
        this.timers = timers;
    }

    public void onDeviceEvent(DeviceEvent event) {
        AfterTheAnswer.send(() -> {
            long device = event.device().id();
            if (pending.put(device, event) == null) {
                timers.schedule(() -> {
                    DeviceEvent latest = pending.remove(device);
                    if (latest != null) notify(latest);
                }, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void notify(DeviceEvent event) {
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
        Sent sent = new Sent(tenant.domain(), device.label(), binding.contact(), eventName);
        try {
            OwnAddress own = stack.own();
            SipRequest notify = SipRequest.create("NOTIFY", SipUri.parse(binding.contact()));
            notify.addLast("Via", own.via(binding.transport()).toString());
            for (String route : binding.path()) notify.addLast("Route", route);
            notify.addLast("Max-Forwards", "70");
            notify.addLast("From", NameAddr.parse("<sip:hotdesk@" + tenant.domain() + ">").withTag(OwnAddress.token()).toString());
            notify.addLast("To", "<sip:" + binding.account() + "@" + tenant.domain() + ">");
            notify.addLast("Call-ID", OwnAddress.token() + "@" + own.host());
            notify.addLast("CSeq", new CSeq(1, "NOTIFY").toString());
            notify.addLast("Contact", own.contact().toString());
            notify.addLast("Event", eventName);
            notify.addLast("Subscription-State", "terminated");
            stack.send(notify, sent);
            log.debug("re-sync NOTIFY sent tenant={} mac={} contact={} event={}", tenant.domain(), device.label(),
                    binding.contact(), eventName);
        } catch (RuntimeException e) {
            log.warn("re-sync NOTIFY not sent tenant={} mac={} contact={}: {}", tenant.domain(), device.label(),
                    binding.contact(), e.getMessage());
        }
    }

    /** One NOTIFY in flight: what its answer is logged with. */
    private record Sent(String tenant, String mac, String contact, String event) implements ResponseListener {
        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
            if (response.status() >= 300) {
                log.info("re-sync NOTIFY refused tenant={} mac={} contact={} status={} {}", tenant, mac, contact,
                        response.status(), response.reason());
            } else if (response.status() >= 200) {
                // one per login and logout: the morning rush would flood the log at INFO
                log.debug("re-sync NOTIFY answered tenant={} mac={} contact={} status={} {}", tenant, mac, contact,
                        response.status(), response.reason());
            }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            log.warn("re-sync NOTIFY unanswered tenant={} mac={} contact={}", tenant, mac, contact);
        }
    }
}
