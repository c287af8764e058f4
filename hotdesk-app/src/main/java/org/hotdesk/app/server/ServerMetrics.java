package org.hotdesk.app.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.emergency.EmergencyAlerts;
import org.hotdesk.core.login.LoginCounts;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.resync.ResyncOutcome;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutCounts;
import org.hotdesk.core.session.LogoutReason;

/**
 * The server's Prometheus registry: the JVM's own meters, and what the core and the adapters count, read where it
 * is kept (the core's counters, the source guard, the re-sync outcomes, the location service) at each scrape. Names
 * follow Prometheus' conventions ({@code hotdesk_} prefix, base units, {@code _total} for counters); the SIP and
 * provisioning meters are registered by their adapters on the same registry.
 */
final class ServerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    ServerMetrics(HotdeskCore core, SourceGuard guard, ResyncOutcomes resyncs) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        logins(core.logins().counts(), core.sessions().logoutCounts());
        EmergencyAlerts emergency = core.emergency();
        FunctionCounter.builder("hotdesk.emergency.calls", emergency, EmergencyAlerts::callCount)
                .description("Emergency calls placed").register(registry);
        for (boolean acknowledged : new boolean[] {true, false}) {
            FunctionCounter.builder("hotdesk.emergency.alert.deliveries", emergency, e -> e.deliveryCount(acknowledged))
                    .description("Emergency alert webhook deliveries, acknowledged or failed (failed ones are retried)")
                    .tag("result", acknowledged ? "delivered" : "failed").register(registry);
        }
        FunctionCounter.builder("hotdesk.source.blocks", guard, SourceGuard::blocksSoFar)
                .description("Source addresses blocked for guessing PINs, codes or passwords").register(registry);
        Gauge.builder("hotdesk.source.blocked", guard, SourceGuard::blockedNow)
                .description("Source addresses blocked now").register(registry);
        for (ResyncOutcome.State state : ResyncOutcome.State.values()) {
            FunctionCounter.builder("hotdesk.resync.notifies", resyncs, r -> r.count(state))
                    .description("Re-sync NOTIFYs to phones by outcome: sent, then answered, retrying or failed; "
                            + "not_registered when the desk had no contact")
                    .tag("outcome", state.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        Gauge.builder("hotdesk.bindings", core.location(), l -> l.bindingCount())
                .description("Registered contacts held now (desks and users' own devices)").register(registry);
        // one COUNT in the database per scrape: sessions opened or ended from the command line count too
        Gauge.builder("hotdesk.sessions.open", core.sessions(), s -> s.countOpen())
                .description("Hot-desk sessions open now").register(registry);
    }

    private void logins(LoginCounts logins, LogoutCounts logouts) {
        FunctionCounter.builder("hotdesk.lockouts", logins, LoginCounts::lockouts)
                .description("Devices and users locked after too many wrong PINs or codes").register(registry);
        for (LoginMethod method : LoginMethod.values()) {
            String m = method.name().toLowerCase(Locale.ROOT);
            FunctionCounter.builder("hotdesk.logins", logins, c -> c.accepted(method))
                    .description("Logins decided, by method and result (accepted, or why refused)")
                    .tag("method", m).tag("result", "accepted").register(registry);
            for (LoginRefusal refusal : LoginRefusal.values()) {
                FunctionCounter.builder("hotdesk.logins", logins, c -> c.refused(method, refusal))
                        .description("Logins decided, by method and result (accepted, or why refused)")
                        .tag("method", m).tag("result", refusal.name().toLowerCase(Locale.ROOT)).register(registry);
            }
        }
        for (LogoutReason reason : LogoutReason.values()) {
            FunctionCounter.builder("hotdesk.logouts", logouts, c -> c.of(reason))
                    .description("Sessions ended, by reason").tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }
}
