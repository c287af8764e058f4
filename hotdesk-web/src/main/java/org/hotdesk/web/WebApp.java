package org.hotdesk.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.RestApi;
import org.hotdesk.web.api.auth.AuthApi;
import org.hotdesk.web.api.devices.DevicesApi;
import org.hotdesk.web.api.forwarding.ForwardingApi;
import org.hotdesk.web.api.gateways.GatewaysApi;
import org.hotdesk.web.api.history.AuditApi;
import org.hotdesk.web.api.history.CallsApi;
import org.hotdesk.web.api.history.EmergencyCallsApi;
import org.hotdesk.web.api.sessions.SessionsApi;
import org.hotdesk.web.api.settings.SettingsApi;
import org.hotdesk.web.api.sites.SitesApi;
import org.hotdesk.web.api.tenants.TenantsApi;
import org.hotdesk.web.api.trunks.TrunksApi;
import org.hotdesk.web.api.users.UserKeysApi;
import org.hotdesk.web.api.users.UserOtpApi;
import org.hotdesk.web.api.users.UserSessionsApi;
import org.hotdesk.web.api.users.UsersApi;
import org.hotdesk.web.api.webhooks.WebhooksApi;
import org.hotdesk.web.auth.Authenticator;
import org.hotdesk.web.console.ConsoleLogin;
import org.hotdesk.web.console.ConsoleSecurity;
import org.hotdesk.web.console.csv.CsvConsole;
import org.hotdesk.web.console.devices.DeviceBulkActions;
import org.hotdesk.web.console.devices.DeviceEditPage;
import org.hotdesk.web.console.devices.DevicesPage;
import org.hotdesk.web.console.gateways.GatewaysPage;
import org.hotdesk.web.console.history.HistoryPage;
import org.hotdesk.web.console.live.LiveView;
import org.hotdesk.web.console.settings.SettingsPage;
import org.hotdesk.web.console.sites.SitesPage;
import org.hotdesk.web.console.tokens.AdminTokensPage;
import org.hotdesk.web.console.trunks.TrunksPage;
import org.hotdesk.web.console.users.UserActions;
import org.hotdesk.web.console.users.UserPage;
import org.hotdesk.web.console.users.UsersPage;
import org.hotdesk.web.console.webhooks.WebhooksPage;
import org.hotdesk.web.csv.CsvApi;
import org.hotdesk.web.pages.StaticAssets;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.provisioning.ProvisioningApi;
import org.hotdesk.web.self.SelfService;
import org.hotdesk.web.session.WebSessions;

/**
 * Everything the HTTP side serves besides health, assembled in one place: the REST API, the console, the
 * self-service page and phone provisioning. The app and the tests build it the same way.
 *
 * @param adminToken      the configured system admin token, or null
 * @param guard           the per-address limit shared with SIP logins
 * @param provisioningUrl the base URL a tenant's phones fetch from
 * @param provisioning    the provisioning endpoint, or null for none
 * @param resyncs         each desk's last re-sync NOTIFY, as the SIP side records it
 */
public record WebApp(HotdeskCore core, Clock clock, String adminToken, SourceGuard guard, ProvisionCounter counter,
                     Function<Tenant, String> provisioningUrl, ProvisioningApi provisioning, String version,
                     ResyncOutcomes resyncs) {

    public List<WebFeature> features() {
        Authenticator authenticator = new Authenticator(adminToken, core.access());
        WebSessions sessions = WebSessions.console(clock);
        WebSessions selfSessions = WebSessions.self(clock);
        Templates templates = new Templates();
        List<ApiResource> api = List.of(
                new AuthApi(core.access(), guard),
                new TenantsApi(core, provisioningUrl),
                new UsersApi(core), new UserKeysApi(core), new UserOtpApi(core, clock), new UserSessionsApi(core),
                new SettingsApi(core),
                new AuditApi(core), new CallsApi(core), new EmergencyCallsApi(core),
                new DevicesApi(core, counter, resyncs),
                new GatewaysApi(core, resyncs),
                new SitesApi(core),
                new TrunksApi(core), new ForwardingApi(core),
                new SessionsApi(core),
                new CsvApi(core),
                new WebhooksApi(core));
        List<WebFeature> features = new ArrayList<>();
        if (provisioning != null) {
            // first: Javalin tries routes in the order registered, and phones' fetches are the busiest by far
            features.add(provisioning::register);
        }
        features.add(new StaticAssets());
        features.add(new ConsoleSecurity(sessions, selfSessions, core.access()::isLive));
        features.add(new RestApi(authenticator, version, api));
        features.add(new ConsoleLogin(core, authenticator, sessions, guard, templates, clock));
        features.add(new SelfService(core, selfSessions, templates, guard, clock));
        features.add(new CsvConsole(core, sessions));
        features.add(new DevicesPage(core, sessions, templates));
        features.add(new DeviceBulkActions(core, sessions, counter));
        features.add(new DeviceEditPage(core, sessions, templates, counter, resyncs, clock));
        features.add(new GatewaysPage(core, sessions, templates));
        features.add(new SitesPage(core, sessions, templates));
        features.add(new TrunksPage(core, sessions, templates));
        features.add(new LiveView(core, clock, sessions, templates));
        features.add(new UsersPage(core, clock, sessions, templates));
        features.add(new UserPage(core, clock, sessions, templates));
        features.add(new UserActions(core, sessions));
        features.add(new HistoryPage(core, clock, sessions, templates));
        features.add(new SettingsPage(core, sessions, templates));
        features.add(new AdminTokensPage(core, clock, sessions, templates));
        features.add(new WebhooksPage(core, sessions, templates));
        return features;
    }
}
