package org.hotdesk.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.RestApi;
import org.hotdesk.web.api.auth.AuthApi;
import org.hotdesk.web.api.tenants.TenantsApi;
import org.hotdesk.web.auth.Authenticator;
import org.hotdesk.web.console.ConsoleLogin;
import org.hotdesk.web.console.ConsoleSecurity;
import org.hotdesk.web.console.history.HistoryPage;
import org.hotdesk.web.console.live.LiveView;
import org.hotdesk.web.console.settings.SettingsPage;
import org.hotdesk.web.console.users.UserActions;
import org.hotdesk.web.console.users.UserPage;
import org.hotdesk.web.console.users.UsersPage;
import org.hotdesk.web.pages.StaticAssets;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.provisioning.ProvisioningApi;
import org.hotdesk.web.session.WebSessions;

/**
 * Everything the HTTP side serves besides health, assembled in one place: the REST API, the console, the
 * self-service page and phone provisioning. The app and the tests build it the same way.
 *
 * @param adminToken      the configured system admin token, or null
 * @param guard           the per-address limit shared with SIP logins
 * @param provisioningUrl the base URL a tenant's phones fetch from
 * @param provisioning    the provisioning endpoint, or null for none
 */
public record WebApp(HotdeskCore core, Clock clock, String adminToken, SourceGuard guard, ProvisionCounter counter,
                     Function<Tenant, String> provisioningUrl, ProvisioningApi provisioning, String version) {

    public List<WebFeature> features() {
        Authenticator authenticator = new Authenticator(adminToken, core.access());
        WebSessions sessions = new WebSessions(clock);
        Templates templates = new Templates();
        List<ApiResource> api = List.of(
                new AuthApi(core.access(), guard),
                new TenantsApi(core, provisioningUrl));
        List<WebFeature> features = new ArrayList<>();
        features.add(new StaticAssets());
        features.add(new ConsoleSecurity(sessions));
        features.add(new RestApi(authenticator, version, api));
        features.add(new ConsoleLogin(core, authenticator, sessions, guard, templates));
        features.add(new LiveView(core, clock, sessions, templates));
        features.add(new UsersPage(core, clock, sessions, templates));
        features.add(new UserPage(core, clock, sessions, templates));
        features.add(new UserActions(core, sessions));
        features.add(new HistoryPage(core, clock, sessions, templates));
        features.add(new SettingsPage(core, sessions, templates));
        if (provisioning != null) {
            features.add(provisioning::register);
        }
        return features;
    }
}
