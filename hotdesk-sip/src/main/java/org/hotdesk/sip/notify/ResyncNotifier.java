package org.hotdesk.sip.notify;

import java.time.Clock;
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
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.resync.ResyncPolicy;
import org.hotdesk.core.tenant.Tenant;
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
 * the answer to the request that caused it ({@link AfterTheAnswer}). Unanswered and refused NOTIFYs are sent again
 * as the core's {@link ResyncPolicy} says, and each desk's last outcome is kept for the admin ({@link ResyncDelivery}).
 */
public final class ResyncNotifier {
    private static final Logger log = LoggerFactory.getLogger(ResyncNotifier.class);

    static final Duration COALESCE = Duration.ofMillis(10);

    private final LocationService location;
    private final java.util.function.LongFunction<Tenant> tenants;
    private final ScheduledExecutorService timers;
    private final ResyncDelivery delivery;
    /** device id → the latest event for it not yet sent */
    private final Map<Long, DeviceEvent> pending = new ConcurrentHashMap<>();

    /**
     * @param timers   coalescing and retries run here
     * @param policy   when a NOTIFY is sent again
     * @param outcomes where each desk's last outcome is recorded
     */
    public ResyncNotifier(SipStack stack, LocationService location, java.util.function.LongFunction<Tenant> tenants,
                          ScheduledExecutorService timers, Clock clock, ResyncPolicy policy, ResyncOutcomes outcomes) {
        this.location = location;
        this.tenants = tenants;
        this.timers = timers;
        this.delivery = new ResyncDelivery(stack, location, timers, clock, policy, outcomes);
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
            delivery.notRegistered(device.id());
            return;
        }
        Tenant tenant = tenants.apply(device.tenantId());
        long round = delivery.newRound(device.id());
        for (Registration binding : bindings) {
            Vendor vendor = device.vendor() != Vendor.GENERIC ? device.vendor() : Vendor.fromUserAgent(binding.userAgent());
            delivery.first(new ResyncDelivery.Target(tenant.domain(), device.id(), device.label(), binding.contact(),
                    ResyncEvent.forVendor(vendor), round), binding);
        }
    }
}
