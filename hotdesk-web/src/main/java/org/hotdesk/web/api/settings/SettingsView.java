package org.hotdesk.web.api.settings;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.tenant.TenantSettings;

/**
 * A tenant's settings as the API reads and writes them (DESIGN.md: these field names are the contract).
 *
 * @param emergencyGatewayUri where emergency numbers go ({@code sip:gw.example.net}); null = none
 * @param outboundTrunkUri    where other outside numbers go; null = such calls are refused
 * @param emergencyAlertUrl   the on-site alert webhook (http or https); null = alerts wait, listed, until one is set
 * @param voicemailUri        the voicemail server calls forwarded to voicemail go to ({@code sip:vm.example.net});
 *                            null = none, and nobody can forward to voicemail
 * @param trustedCidrs        where phones' own hot-desk keys may register from
 * @param idleLogoutMinutes   after the last call ends; 0 = never
 * @param maxSessionHours     after login; 0 = never
 * @param dailyLogoutTime     {@code HH:MM} in {@code timeZone} when every session ends; null = off
 * @param promptLanguage      the voice menu's language ({@code en}, {@code de}); null = the server's default
 * @param phoneKeyLogin       phones' own hot-desk keys may log people in with extension + PIN; only then is a SIP
 *                            digest of each PIN kept (a database copy gives a 4-digit PIN away in 10^4 tries), and
 *                            turning it off deletes them. Turning it on cannot rebuild them: see
 *                            {@code usersWithoutPinDigest}
 * @param usersWithoutPinDigest read only: with phone-key login on, the users who cannot use it yet until they log in
 *                            once with a code and their PIN, or have their PIN set again; null when it is off
 */
public record SettingsView(List<String> emergencyNumbers, String emergencyGatewayUri, String outboundTrunkUri,
                           String emergencyAlertUrl, String voicemailUri, List<String> trustedCidrs, int idleLogoutMinutes,
                           int maxSessionHours, String dailyLogoutTime, MultipleLoginPolicy multipleLogin,
                           int otpLifetimeSeconds, int otpLength, LockoutSettingsView lockout, String timeZone,
                           String promptLanguage, FeatureCodesView featureCodes, ProvisioningSettingsView provisioning,
                           boolean phoneKeyLogin, Integer usersWithoutPinDigest) {

    /** Fields an answer shows but a PATCH cannot change; sent back unchanged, they are ignored. */
    static final java.util.Set<String> READ_ONLY = java.util.Set.of("usersWithoutPinDigest");

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * After {@code maxFailures} wrong PINs or codes within {@code windowMinutes}, locked for {@code lockMinutes};
     * {@code weakPinsAllowed}: PINs like 1111, 1234 or the extension are accepted (refused by default).
     */
    public record LockoutSettingsView(int maxFailures, int windowMinutes, int lockMinutes, boolean weakPinsAllowed) {
    }

    /** Dial patterns; {@code {otp}} and {@code {ext}} stand for the digits. */
    public record FeatureCodesView(List<String> otpLogin, List<String> extensionLogin, List<String> promptedLogin,
                                   List<String> logout, List<String> pickup) {
    }

    /** @param access {@code url-token} or {@code digest}: what a phone shows, besides its MAC, to fetch its config */
    public record ProvisioningSettingsView(String ntpServer, int fetchLimit, int registerExpirySeconds, String access) {
    }

    public static SettingsView of(TenantSettings s) {
        return of(s, null);
    }

    public static SettingsView of(TenantSettings s, Integer usersWithoutPinDigest) {
        LockoutPolicy l = s.lockout();
        FeatureCodes f = s.featureCodes();
        ProvisioningSettings p = s.provisioning();
        LocalTime daily = s.sessionPolicy().dailyLogoutTime();
        return new SettingsView(s.emergencyNumbers(), s.routing().emergencyGatewayUri(), s.routing().outboundTrunkUri(),
                s.routing().emergencyAlertUrl(), s.routing().voicemailUri(), s.trustedNetworks().cidrs(), s.sessionPolicy().idleLogoutMinutes(),
                s.sessionPolicy().maxSessionHours(), daily == null ? null : daily.format(HH_MM), s.multipleLogin(),
                (int) s.otp().lifetime().toSeconds(), s.otp().length(),
                new LockoutSettingsView(l.maxFailures(), (int) l.window().toMinutes(), (int) l.lockDuration().toMinutes(),
                        l.weakPinsAllowed()),
                s.timeZone().getId(), s.promptLanguage(),
                new FeatureCodesView(f.otpLogin(), f.extensionLogin(), f.promptedLogin(), f.logout(), f.pickup()),
                new ProvisioningSettingsView(p.ntpServer(), p.fetchLimit(), p.registerExpirySeconds(), p.access().id()),
                s.phoneKeyLogin(), s.phoneKeyLogin() ? usersWithoutPinDigest : null);
    }
}
