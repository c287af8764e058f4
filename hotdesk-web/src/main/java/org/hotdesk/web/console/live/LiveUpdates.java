package org.hotdesk.web.console.live;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.event.DeviceEvent;
import org.hotdesk.core.event.SessionEvent;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.console.ConsolePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes "something changed at a desk" to the live views open on a tenant (server-sent events), so an admin sees
 * a login or logout the moment it happens instead of at the next refresh. The page then fetches its board again:
 * the event says only that, never who, so nothing is sent that the page's own access check has not allowed.
 */
final class LiveUpdates {
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    // proxies drop a quiet connection; a comment line now and then keeps it open
    private static final int KEEP_ALIVE_SECONDS = 25;

    private final HotdeskCore core;
    private final Map<Long, Set<SseClient>> watchers = new ConcurrentHashMap<>();
    // events arrive on the thread that committed the change: writing to browsers must not hold it up
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-view-updates");
        t.setDaemon(true);
        return t;
    });

    LiveUpdates(HotdeskCore core) {
        this.core = core;
        core.events().subscribe(this::onDeviceEvent);
        sender.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    void register(RoutesConfig routes) {
        routes.sse("/console/tenants/{t}/live/events", this::watch);
    }

    private void watch(SseClient client) {
        long tenantId;
        try {
            tenantId = ConsolePage.of(client.ctx(), core).tenantId();
        } catch (ApiException | HotdeskException e) {
            client.close();
            return;
        }
        Set<SseClient> clients = watchers.computeIfAbsent(tenantId, t -> ConcurrentHashMap.newKeySet());
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        client.keepAlive();
        client.sendComment("watching tenant " + tenantId);
    }

    private void onDeviceEvent(DeviceEvent event) {
        if (!(event instanceof SessionEvent)) {
            return;
        }
        Set<SseClient> clients = watchers.get(event.device().tenantId());
        if (clients == null || clients.isEmpty()) {
            return;
        }
        sender.execute(() -> {
            for (SseClient client : clients) {
                send(client, () -> client.sendEvent("sessions", "changed"));
            }
        });
    }

    private void keepAlive() {
        watchers.values().forEach(clients -> clients.forEach(c -> send(c, () -> c.sendComment("still here"))));
    }

    private static void send(SseClient client, Runnable write) {
        if (client.terminated()) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            // a browser that went away: its onClose removes it
            log.debug("live view update not delivered: {}", e.getMessage());
        }
    }
}
