package org.hotdesk.app.cli;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.policy.OtpPolicy;
import org.hotdesk.core.policy.SessionPolicy;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.hotdesk.sip.media.PromptCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tenants", mixinStandardHelpOptions = true, description = "List, add and configure tenants.")
final class TenantsCommand extends AdminCommand {

    @Command(name = "list", description = "All tenants.")
    int list() {
        try (Wiring w = open()) {
            Table table = new Table("ID", "DOMAIN", "NAME");
            w.core().tenants().list().forEach(t -> table.row(t.id(), t.domain(), t.name()));
            table.print(out());
        }
        return 0;
    }

    @Command(name = "add", description = "Add a tenant with the server's default policies.")
    int add(@Option(names = "--name", required = true) String name,
            @Option(names = "--domain", required = true, description = "SIP domain, e.g. acme.example") String domain) {
        try (Wiring w = open()) {
            Tenant t = w.core().tenants().create(name, domain, CLI);
            out().printf("tenant %d created: %s (%s)%n", t.id(), t.domain(), t.name());
        }
        return 0;
    }

    @Command(name = "show", description = "A tenant's policies.")
    int show(@Parameters(paramLabel = "TENANT", description = "id or domain") String tenant) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            TenantSettings s = t.settings();
            Table table = new Table("SETTING", "VALUE");
            table.row("id", t.id()).row("domain", t.domain()).row("name", t.name())
                    .row("idleLogoutMinutes", s.sessionPolicy().idleLogoutMinutes())
                    .row("maxSessionHours", s.sessionPolicy().maxSessionHours())
                    .row("dailyLogoutTime", s.sessionPolicy().dailyLogoutTime() == null ? "off" : s.sessionPolicy().dailyLogoutTime())
                    .row("timeZone", s.timeZone())
                    .row("multipleLogin", s.multipleLogin())
                    .row("lockoutMaxFailures", s.lockout().maxFailures())
                    .row("lockoutWindowMinutes", s.lockout().window().toMinutes())
                    .row("lockoutMinutes", s.lockout().lockDuration().toMinutes())
                    .row("weakPinsAllowed", s.lockout().weakPinsAllowed())
                    .row("otpLength", s.otp().length())
                    .row("otpLifetimeSeconds", s.otp().lifetime().toSeconds())
                    .row("emergencyNumbers", String.join(",", s.emergencyNumbers()))
                    .row("emergencyGatewayUri", orNone(s.routing().emergencyGatewayUri()))
                    .row("outboundTrunkUri", orNone(s.routing().outboundTrunkUri()))
                    .row("emergencyAlertUrl", orNone(s.routing().emergencyAlertUrl()))
                    .row("voicemailUri", orNone(s.routing().voicemailUri()))
                    .row("featureCodes.otpLogin", String.join(" ", s.featureCodes().otpLogin()))
                    .row("featureCodes.extensionLogin", String.join(" ", s.featureCodes().extensionLogin()))
                    .row("featureCodes.promptedLogin", String.join(" ", s.featureCodes().promptedLogin()))
                    .row("featureCodes.pickup", String.join(" ", s.featureCodes().pickup()))
                    .row("featureCodes.logout", String.join(" ", s.featureCodes().logout()))
                    .row("language", s.promptLanguage() == null ? "server default" : s.promptLanguage())
                    .row("trustedCidrs", s.trustedNetworks().cidrs().isEmpty() ? "none"
                            : String.join(",", s.trustedNetworks().cidrs()))
                    .row("phoneKeyLogin", s.phoneKeyLogin() ? "on (" + w.core().users().withoutPinDigest(t.id())
                            + " users without a PIN digest yet: they log in once by code, or get their PIN set again)"
                            : "off")
                    .row("ntpServer", s.provisioning().ntpServer())
                    .row("provisionLimit", s.provisioning().fetchLimit())
                    .row("registerExpirySeconds", s.provisioning().registerExpirySeconds())
                    .row("provisioningAccess", s.provisioning().access().id())
                    .row("provisioningUrl", w.provisioningUrls().forTenant(t));
            table.print(out());
        }
        return 0;
    }

    @Command(name = "set", description = "Change a tenant's policies; options not given keep their value.")
    int set(@Parameters(paramLabel = "TENANT", description = "id or domain") String tenant,
            @Option(names = "--idle-logout-minutes", description = "0 = off") Integer idle,
            @Option(names = "--max-session-hours", description = "0 = off") Integer maxHours,
            @Option(names = "--daily-logout-time", description = "HH:mm, or off") String daily,
            @Option(names = "--time-zone", description = "e.g. Europe/Berlin") String zone,
            @Option(names = "--multiple-login", description = "AUTO_LOGOUT_OTHER, ALLOW or DENY") MultipleLoginPolicy multiple,
            @Option(names = "--lockout-max-failures") Integer lockMax,
            @Option(names = "--lockout-window-minutes") Integer lockWindow,
            @Option(names = "--lockout-minutes") Integer lockMinutes,
            @Option(names = "--weak-pins-allowed", arity = "1", description = "true: accept PINs like 1111, 1234 or "
                    + "the extension (refused by default)") Boolean weakPins,
            @Option(names = "--otp-length") Integer otpLength,
            @Option(names = "--otp-lifetime-seconds") Integer otpLifetime,
            @Option(names = "--emergency-numbers", split = ",", description = "comma-separated") List<String> emergency,
            @Option(names = "--emergency-gateway-uri", description = "where emergency calls go, e.g. sip:sbc.example.net; \"\" = none")
            String emergencyGateway,
            @Option(names = "--outbound-trunk-uri", description = "where other outside numbers go; \"\" = none (404)")
            String trunk,
            @Option(names = "--emergency-alert-url", description = "on-site alert webhook: every emergency call is "
                    + "POSTed there as JSON until it answers 2xx, e.g. https://security.example.com/hotdesk; \"\" = none")
            String alertUrl,
            @Option(names = "--voicemail-uri", description = "the voicemail server calls forwarded to voicemail go to, "
                    + "e.g. sip:vm.example.net; \"\" = none") String voicemail,
            @Option(names = "--language", description = "voice menu prompts, e.g. en; \"\" = the server's default")
            String language,
            @Option(names = "--trusted-cidrs", split = ",", description = "networks phone-key (PIN) registrations may "
                    + "come from, comma-separated, e.g. 192.0.2.0/24,2001:db8::/32; \"\" = none")
            List<String> trusted,
            @Option(names = "--phone-key-login", arity = "1", description = "true: phones' own hot-desk keys may log "
                    + "people in with extension + PIN, for which a SIP digest of every PIN is kept (a database copy "
                    + "gives a 4-digit PIN away in 10^4 tries); false (default) deletes those digests") Boolean phoneKeyLogin,
            @Option(names = "--ntp-server", description = "the time server phones are given") String ntp,
            @Option(names = "--provision-limit", description = "config fetches per device before an admin must reset "
                    + "its provision counter (default 20)") Integer provisionLimit,
            @Option(names = "--register-expiry", description = "seconds between phone re-registrations (default 500)")
            Integer registerExpiry,
            @Option(names = "--provisioning-access", description = "url-token (the URL carries a secret) or digest "
                    + "(HTTP digest with each device account)") String access) {
        if (language != null && !language.isBlank() && !PromptCatalog.has(language.trim())) {
            throw new InvalidInputException("language", "no voice prompts for '" + language + "' (available: "
                    + String.join(", ", PromptCatalog.LANGUAGES) + ")");
        }
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            TenantSettings s = t.settings();
            SessionPolicy p = s.sessionPolicy();
            TenantSettings changed = new TenantSettings(
                    new SessionPolicy(idle != null ? idle : p.idleLogoutMinutes(),
                            maxHours != null ? maxHours : p.maxSessionHours(),
                            daily != null ? dailyTime(daily) : p.dailyLogoutTime()),
                    multiple != null ? multiple : s.multipleLogin(),
                    new LockoutPolicy(lockMax != null ? lockMax : s.lockout().maxFailures(),
                            lockWindow != null ? Duration.ofMinutes(lockWindow) : s.lockout().window(),
                            lockMinutes != null ? Duration.ofMinutes(lockMinutes) : s.lockout().lockDuration(),
                            weakPins != null ? weakPins : s.lockout().weakPinsAllowed()),
                    new OtpPolicy(otpLength != null ? otpLength : s.otp().length(),
                            otpLifetime != null ? Duration.ofSeconds(otpLifetime) : s.otp().lifetime()),
                    zone != null ? zone(zone) : s.timeZone(),
                    emergency != null ? emergency : s.emergencyNumbers(),
                    new CallRouting(emergencyGateway != null ? emergencyGateway : s.routing().emergencyGatewayUri(),
                            trunk != null ? trunk : s.routing().outboundTrunkUri(),
                            alertUrl != null ? alertUrl : s.routing().emergencyAlertUrl(),
                            voicemail != null ? voicemail : s.routing().voicemailUri()),
                    s.featureCodes(),
                    language != null ? language : s.promptLanguage(),
                    trusted == null ? s.trustedNetworks()
                            : new TrustedNetworks(trusted.stream().filter(c -> !c.isBlank()).toList()),
                    new ProvisioningSettings(ntp != null ? ntp : s.provisioning().ntpServer(),
                            provisionLimit != null ? provisionLimit : s.provisioning().fetchLimit(),
                            registerExpiry != null ? registerExpiry : s.provisioning().registerExpirySeconds(),
                            access != null ? ProvisioningAccess.parse(access) : s.provisioning().access()),
                    phoneKeyLogin != null ? phoneKeyLogin : s.phoneKeyLogin());
            w.core().tenants().updateSettings(t.id(), changed, CLI);
            out().printf("tenant %s updated%n", t.domain());
        }
        return 0;
    }

    @Command(name = "rotate-provisioning-url", description = "Give the tenant a new provisioning URL (the old one "
            + "stops working at once: phones need the new one, e.g. through DHCP option 66).")
    int rotateProvisioningUrl(@Parameters(paramLabel = "TENANT", description = "id or domain") String tenant) {
        try (Wiring w = open()) {
            Tenant t = w.core().tenants().rotateProvisioningToken(tenant(w, tenant).id(), CLI);
            out().printf("tenant %s: provisioning URL %s%n", t.domain(), w.provisioningUrls().forTenant(t));
        }
        return 0;
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static LocalTime dailyTime(String value) {
        if (value.equalsIgnoreCase("off")) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dailyLogoutTime", "expected HH:mm or off, was '" + value + "'");
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw new InvalidInputException("timeZone", "'" + value + "' is not a time zone (e.g. Europe/Berlin)");
        }
    }
}
