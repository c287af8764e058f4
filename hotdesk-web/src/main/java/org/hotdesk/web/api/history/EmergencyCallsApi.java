package org.hotdesk.web.api.history;

import java.time.Instant;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;
import org.hotdesk.web.pages.LocationText;

/** Emergency calls and the state of their on-site alerts, as reported when each call was made. */
public final class EmergencyCallsApi implements ApiResource {
    static final int MAX_ALERTS = 10_000;

    private final HotdeskCore core;

    public EmergencyCallsApi(HotdeskCore core) {
        this.core = core;
    }

    /**
     * @param time          when the call was made
     * @param desk          the desk's name (or MAC)
     * @param location      the desk's address in one line; null when nothing is known
     * @param dispatchable  false: the address lacks country, city or street, and someone has to go and look
     * @param userExtension who was logged in at the desk, or null when it was idle
     * @param delivered     the alert webhook acknowledged the alert
     * @param lastError     why the last delivery failed, or null
     */
    public record EmergencyCallView(long id, Instant time, long deviceId, String desk, String deviceMac,
                                    String dialled, String userExtension, String userName, String location,
                                    boolean dispatchable, String callbackNumber, boolean delivered,
                                    Instant deliveredAt, int attempts, Instant nextAttemptAt, String lastError) {
        static EmergencyCallView of(EmergencyAlert a) {
            CivicAddress l = a.location();
            return new EmergencyCallView(a.id(), a.occurredAt(), a.deviceId(),
                    a.deviceName() == null ? a.deviceMac() : a.deviceName(), a.deviceMac(), a.dialled(),
                    a.userExtension(), a.userName(), LocationText.full(l), l.isDispatchable(), l.callbackNumber(),
                    a.isDelivered(), a.deliveredAt(), a.attempts(), a.isDelivered() ? null : a.nextAttemptAt(),
                    a.lastError());
        }
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/tenants/{t}/emergency-calls").tag("history")
                .summary("Emergency calls with where the desk was and whether the on-site alert got through, newest first")
                .access("admins of the tenant").list(EmergencyCallView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    core.tenants().get(t);
                    List<EmergencyCallView> rows = core.emergency().list(t, MAX_ALERTS).stream()
                            .map(EmergencyCallView::of).toList();
                    ctx.json(Paging.page(ctx, rows));
                });
    }
}
