package org.hotdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands as an admin scripts them, on a real H2 database file. */
class CliTest {
    @TempDir
    Path dir;
    Map<String, String> env;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void environment() {
        env = Map.of("HOTDESK_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("hotdesk") + ";AUTO_SERVER=TRUE",
                "HOTDESK_SECURITY_PIN_HASH_COST", "4");
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    void ok(String... args) {
        Run r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    }

    @Test
    void anAdminCanSetUpATenantAndLogSomeoneIn() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("users", "add", "-t", "acme.example", "--extension", "1001", "--name", "Alice", "--pin", "2581");
        Run device = run("devices", "add", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cc", "--vendor", "yealink",
                "--city", "Berlin", "--street", "Hauptstr.", "--country", "DE");
        assertThat(device.exitCode()).isZero();
        assertThat(device.out()).contains("00:15:65:aa:bb:cc", "hd001565aabbcc").containsPattern("[A-Za-z0-9]{20}");

        ok("sessions", "login", "-t", "acme.example", "--mac", "001565AABBCC", "--extension", "1001");

        assertThat(run("sessions", "list", "-t", "acme.example").out()).contains("001565aabbcc", "1001", "ADMIN");
        assertThat(run("devices", "list", "-t", "acme.example").out()).contains("1001 since");
        ok("sessions", "logout", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cc");
        assertThat(run("sessions", "list", "-t", "acme.example", "--history").out()).contains("ADMIN", "1001");
        assertThat(run("audit", "-t", "acme.example").out()).contains("session.started", "session.ended", "admin:cli:");
    }

    @Test
    void everySubcommandExplainsItselfWithHelp() {
        Run login = run("sessions", "login", "--help");
        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).contains("Usage: hotdesk sessions login", "--extension", "--mac", "--tenant");
        Run list = run("devices", "list", "--help");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("Usage: hotdesk devices list", "--tenant");
        // nothing ran: no database was asked for, so help works before one exists
        assertThat(login.err()).isEmpty();
    }

    @Test
    void aTenantAdminTokenIsPrintedOnceListedWithoutItsSecretAndRevocable() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        Run issued = run("tokens", "issue", "-t", "acme.example", "--name", "ann@acme.example");
        assertThat(issued.exitCode()).as(issued.err()).isZero();
        String secret = issued.out().lines().filter(l -> l.startsWith("hd_")).findFirst().orElseThrow();
        Run list = run("tokens", "list", "-t", "acme.example");
        assertThat(list.out()).contains("ann@acme.example").doesNotContain(secret);
        String id = list.out().lines().skip(1).findFirst().orElseThrow().trim().split("\\s+")[0];
        ok("tokens", "revoke", "-t", "acme.example", "--id", id);
        assertThat(run("tokens", "list", "-t", "acme.example").out()).doesNotContain("ann@acme.example");
        Run blank = run("tokens", "issue", "-t", "acme.example", "--name", " ");
        assertThat(blank.exitCode()).isNotZero();
        assertThat(blank.err()).contains("name");
    }

    @Test
    void aDeskWithoutAnAddressIsFlaggedUntilItHasOne() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("devices", "add", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cc");
        assertThat(run("devices", "list", "-t", "acme.example").out()).contains("no emergency location");

        Run bad = run("devices", "set-location", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cc", "--country", "Germany");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("country");
        ok("devices", "set-location", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cc", "--country", "DE",
                "--city", "Berlin", "--street", "Hauptstr.", "--house-number", "1", "--floor", "3", "--room", "3.02",
                "--callback-number", "+49301234567");

        assertThat(run("devices", "list", "-t", "acme.example").out())
                .contains("Hauptstr. 1, Berlin, DE, floor 3, room 3.02, callback +49301234567")
                .doesNotContain("no emergency location");

        // a second desk gives only floor and room; its site gives the rest
        ok("sites", "add", "-t", "acme.example", "--name", "Berlin HQ", "--country", "DE", "--city", "Berlin",
                "--street", "Friedrichstr.", "--house-number", "100", "--callback-number", "+49301111111");
        ok("devices", "add", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cd", "--floor", "5", "--room", "5.01");
        Run atSite = run("devices", "set-site", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cd", "--site", "Berlin HQ");
        assertThat(atSite.exitCode()).as(atSite.err()).isZero();
        assertThat(atSite.out()).contains("Friedrichstr. 100, Berlin, DE, floor 5, room 5.01, callback +49301111111");
        assertThat(run("sites", "list", "-t", "acme.example").out()).contains("Berlin HQ", "Friedrichstr. 100");
        Run unknown = run("devices", "set-site", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cd", "--site", "Paris");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("Paris");
    }

    @Test
    void theEmergencyAlertUrlMustBeAWebAddress() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");

        Run bad = run("tenants", "set", "acme.example", "--emergency-alert-url", "mailto:security@acme.example");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("emergencyAlertUrl");
        ok("tenants", "set", "acme.example", "--emergency-alert-url", "https://security.acme.example/hotdesk");

        assertThat(run("tenants", "show", "acme.example").out()).contains("https://security.acme.example/hotdesk");
        assertThat(run("emergency", "-t", "acme.example").out()).contains("DIALLED", "ALERT");
    }

    @Test
    void aDeletedUserIsLoggedOutGoneFromTheListAndTheirExtensionFreeWhileHistoryNamesThem() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("users", "add", "-t", "acme.example", "--extension", "1001", "--name", "Alice", "--pin", "2581");
        ok("devices", "add", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cc", "--vendor", "yealink");
        ok("sessions", "login", "-t", "acme.example", "--mac", "001565AABBCC", "--extension", "1001");

        Run deleted = run("users", "delete", "-t", "acme.example", "--extension", "1001");

        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("1001 Alice deleted");
        assertThat(run("sessions", "list", "-t", "acme.example").out()).doesNotContain("1001");
        assertThat(run("users", "list", "-t", "acme.example").out()).doesNotContain("Alice");
        Run again = run("users", "delete", "-t", "acme.example", "--extension", "1001");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("1001 not found");
        ok("users", "add", "-t", "acme.example", "--extension", "1001", "--name", "Bert", "--pin", "7391");
        assertThat(run("users", "list", "-t", "acme.example").out()).contains("Bert").doesNotContain("Alice");
        assertThat(run("audit", "-t", "acme.example").out()).contains("user.deleted", "1001");
    }

    @Test
    void otpPrintsASixDigitCodeAndHowToDialIt() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("users", "add", "-t", "acme.example", "--extension", "1001", "--name", "Alice", "--pin", "2581");

        Run otp = run("otp", "-t", "acme.example", "--extension", "1001");

        assertThat(otp.exitCode()).isZero();
        assertThat(otp.out()).containsPattern("(?m)^[0-9]{6}$").contains("dial 00*");
    }

    @Test
    void aBadMacIsNamedAndChangesNothing() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");

        Run bad = run("devices", "add", "-t", "acme.example", "--mac", "00:15:65:zz:bb:cc");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("mac", "00:15:65:zz:bb:cc");
        assertThat(run("devices", "list", "-t", "acme.example").out().lines()).hasSize(1);
        assertThat(run("audit", "-t", "acme.example").out()).doesNotContain("device.added");
    }

    @Test
    void aBadPinIsNamedAndChangesNothing() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");

        Run bad = run("users", "add", "-t", "acme.example", "--extension", "1001", "--name", "Alice", "--pin", "12");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("pin: must be 4 to 12 digits");
        assertThat(run("users", "list", "-t", "acme.example").out().lines()).hasSize(1);
    }

    @Test
    void aBadArgumentIsNamed() {
        Run r = run("tenants", "add", "--name", "Acme", "--domian", "acme.example");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option or argument: --domian acme.example");
        assertThat(run("tenants", "list").out().lines()).hasSize(1);
    }

    @Test
    void anUnknownTenantIsNamed() {
        Run r = run("users", "list", "-t", "nowhere.example");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("tenant nowhere.example not found");
    }

    @Test
    void aBadConfigFileIsRefusedWithTheKeyNamed() throws Exception {
        Path config = dir.resolve("hotdesk.yaml");
        Files.writeString(config, "http:\n  prot: 8080\n");

        Run r = run("--config", config.toString(), "tenants", "list");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("http.prot");
    }

    @Test
    void tenantPoliciesCanBeChangedAndBadValuesAreNamed() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("tenants", "set", "acme.example", "--idle-logout-minutes", "15", "--daily-logout-time", "19:30",
                "--time-zone", "Europe/Berlin", "--multiple-login", "deny");

        assertThat(run("tenants", "show", "acme.example").out())
                .containsPattern("idleLogoutMinutes\\s+15").containsPattern("dailyLogoutTime\\s+19:30")
                .containsPattern("multipleLogin\\s+DENY").contains("Europe/Berlin");

        Run bad = run("tenants", "set", "acme.example", "--time-zone", "Mars/Olympus");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("timeZone", "Mars/Olympus");
        assertThat(run("tenants", "show", "acme.example").out()).contains("Europe/Berlin");
    }

    @Test
    void callRoutingIsSetPerTenantAndABadUriIsNamed() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("tenants", "set", "acme.example", "--outbound-trunk-uri", "sip:trunk.example.net:5060",
                "--emergency-gateway-uri", "sip:sbc.example.net");

        assertThat(run("tenants", "show", "acme.example").out())
                .containsPattern("outboundTrunkUri\\s+sip:trunk.example.net:5060")
                .containsPattern("emergencyGatewayUri\\s+sip:sbc.example.net")
                .containsPattern("featureCodes.otpLogin\\s+00\\*\\{otp}# 00#\\{otp}#");

        Run bad = run("tenants", "set", "acme.example", "--outbound-trunk-uri", "trunk.example.net");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("outboundTrunkUri", "trunk.example.net");
        assertThat(run("tenants", "show", "acme.example").out()).contains("sip:trunk.example.net:5060");
    }

    @Test
    void callsListsAnEmptyHistoryWithItsHeader() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("users", "add", "-t", "acme.example", "--extension", "1001", "--name", "Alice", "--pin", "2581");

        Run calls = run("calls", "-t", "acme.example", "--extension", "1001");

        assertThat(calls.exitCode()).isZero();
        assertThat(calls.out().lines()).containsExactly(calls.out().lines().findFirst().orElseThrow());
        assertThat(calls.out()).contains("FROM", "OUTCOME");
    }

    @Test
    void aTenantsVoiceLanguageIsCheckedAgainstThePromptSets() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("tenants", "set", "acme.example", "--language", "de");
        assertThat(run("tenants", "show", "acme.example").out()).containsPattern("language\\s+de");

        Run bad = run("tenants", "set", "acme.example", "--language", "xx");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("language", "'xx'", "en, de");
        assertThat(run("tenants", "show", "acme.example").out()).containsPattern("language\\s+de");
    }

    @Test
    void phoneKeyLoginIsSwitchedPerTenantAndOffDeletesThePinDigests() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("users", "add", "-t", "acme.example", "--extension", "1001", "--name", "Alice", "--pin", "2581");
        assertThat(run("tenants", "show", "acme.example").out()).containsPattern("phoneKeyLogin\\s+off");
        Run refused = run("devices", "add", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cc", "--vendor", "yealink",
                "--mode", "phone-key");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("phoneKeyLogin", "--phone-key-login");

        ok("tenants", "set", "acme.example", "--phone-key-login", "true");
        assertThat(run("tenants", "show", "acme.example").out())
                .containsPattern("phoneKeyLogin\\s+on \\(1 users without a PIN digest yet");
        ok("users", "set-pin", "-t", "acme.example", "--extension", "1001", "--pin", "7391");
        assertThat(run("tenants", "show", "acme.example").out()).containsPattern("phoneKeyLogin\\s+on \\(0 users");
        ok("devices", "add", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cc", "--vendor", "yealink",
                "--mode", "phone-key");

        Run stillUsed = run("tenants", "set", "acme.example", "--phone-key-login", "false");
        assertThat(stillUsed.exitCode()).isEqualTo(2);
        assertThat(stillUsed.err()).contains("001565aabbcc", "dial-codes");
        ok("devices", "set-provisioning", "-t", "acme.example", "--mac", "00:15:65:aa:bb:cc", "--mode", "dial-codes");
        ok("tenants", "set", "acme.example", "--phone-key-login", "false");
        assertThat(run("tenants", "show", "acme.example").out()).containsPattern("phoneKeyLogin\\s+off");
        assertThat(run("audit", "-t", "acme.example").out()).contains("tenant.pin_digests_cleared");
    }

    @Test
    void trustedNetworksAreSetAndABadOneIsNamed() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("tenants", "set", "acme.example", "--trusted-cidrs", "192.0.2.0/24,2001:db8::/32");
        assertThat(run("tenants", "show", "acme.example").out()).containsPattern("trustedCidrs\\s+192.0.2.0/24,2001:db8:");

        Run bad = run("tenants", "set", "acme.example", "--trusted-cidrs", "192.0.2.0/40");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("trustedCidrs", "192.0.2.0/40");
        assertThat(run("tenants", "show", "acme.example").out()).contains("192.0.2.0/24");
    }

    @Test
    void trunksAreAddedListedChangedAndRemovedAndABadNumberChangesNothing() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("tenants", "add", "--name", "Other", "--domain", "other.example");
        ok("users", "add", "-t", "acme.example", "--extension", "1001", "--name", "Alice", "--pin", "2581");
        ok("users", "add", "-t", "acme.example", "--extension", "1002", "--name", "Bob", "--pin", "2582");
        ok("users", "add", "-t", "other.example", "--extension", "2001", "--name", "Olga", "--pin", "2581");

        Run added = run("trunks", "add", "-t", "acme.example", "--name", "Carrier", "--source", "192.0.2.10",
                "--source", "198.51.100.0/24", "--did", "+14155550100=1001", "--did", "14155550101=1002");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Carrier", "192.0.2.10/32,198.51.100.0/24", "2 numbers");
        assertThat(run("trunks", "list", "-t", "acme.example").out())
                .contains("Carrier", "192.0.2.10/32,198.51.100.0/24", "+14155550100=1001,14155550101=1002");

        Run bad = run("trunks", "add", "-t", "acme.example", "--name", "Backup", "--source", "192.0.2.20",
                "--did", "+14155550102=1099");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("dids.+14155550102", "1099");
        Run noEquals = run("trunks", "add", "-t", "acme.example", "--name", "Backup", "--source", "192.0.2.20",
                "--did", "+14155550102");
        assertThat(noEquals.exitCode()).isEqualTo(2);
        assertThat(noEquals.err()).contains("NUMBER=EXTENSION");
        Run taken = run("trunks", "add", "-t", "other.example", "--name", "Theirs", "--source", "203.0.113.5",
                "--did", "4155550100=2001", "--did", "14155550100=2001");
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).contains("another company's trunk");
        assertThat(run("trunks", "list", "-t", "other.example").out().lines()).hasSize(1);
        assertThat(run("trunks", "list", "-t", "acme.example").out().lines()).hasSize(2);

        ok("trunks", "set", "-t", "acme.example", "Carrier", "--name", "Main", "--did", "+14155550100=1002");
        assertThat(run("trunks", "list", "-t", "acme.example").out()).contains("Main", "198.51.100.0/24",
                "+14155550100=1002").doesNotContain("14155550101");
        Run badSource = run("trunks", "set", "-t", "acme.example", "Main", "--source", "192.0.2.0/99");
        assertThat(badSource.exitCode()).isEqualTo(2);
        assertThat(badSource.err()).contains("sourceCidrs", "192.0.2.0/99");

        ok("trunks", "remove", "-t", "acme.example", "Main");
        assertThat(run("trunks", "list", "-t", "acme.example").out().lines()).hasSize(1);
        Run gone = run("trunks", "remove", "-t", "acme.example", "Main");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("trunk Main not found");
        assertThat(run("audit", "-t", "acme.example").out()).contains("trunk.created", "trunk.changed", "trunk.removed");
    }

    @Test
    void aUsersForwardingIsShownChangedRuleByRuleAndClearedWithTheSameRules() {
        ok("tenants", "add", "--name", "Acme", "--domain", "acme.example");
        ok("users", "add", "-t", "acme.example", "--extension", "1001", "--name", "Alice", "--pin", "2581");
        ok("users", "add", "-t", "acme.example", "--extension", "1002", "--name", "Bob", "--pin", "2582");

        Run none = run("users", "forwarding", "-t", "acme.example", "1001");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).containsPattern("always\\s+-").containsPattern("noAnswer\\s+-");

        Run noVoicemail = run("users", "forwarding", "-t", "acme.example", "1001", "--busy", "voicemail");
        assertThat(noVoicemail.exitCode()).isEqualTo(2);
        assertThat(noVoicemail.err()).contains("busy", "voicemailUri");
        Run badUri = run("tenants", "set", "acme.example", "--voicemail-uri", "vm.acme.example");
        assertThat(badUri.exitCode()).isEqualTo(2);
        assertThat(badUri.err()).contains("voicemailUri", "vm.acme.example");
        ok("tenants", "set", "acme.example", "--voicemail-uri", "sip:vm.acme.example");
        assertThat(run("tenants", "show", "acme.example").out()).containsPattern("voicemailUri\\s+sip:vm.acme.example");
        ok("tenants", "set", "acme.example", "--idle-logout-minutes", "10");
        assertThat(run("tenants", "show", "acme.example").out()).as("kept by other changes")
                .containsPattern("voicemailUri\\s+sip:vm.acme.example");

        Run set = run("users", "forwarding", "-t", "acme.example", "1001", "--busy", "voicemail", "--no-answer", "1002",
                "--after", "30");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).containsPattern("busy\\s+voicemail").containsPattern("noAnswer\\s+1002 after 30 s");
        Run after = run("users", "forwarding", "-t", "acme.example", "1001", "--after", "45");
        assertThat(after.out()).as("only the wait changed").containsPattern("noAnswer\\s+1002 after 45 s")
                .containsPattern("busy\\s+voicemail");

        for (String[] wrong : new String[][] {{"--always", "1001"}, {"--unreachable", "+4930123456"},
                {"--after", "200"}}) {
            Run r = run("users", "forwarding", "-t", "acme.example", "1001", wrong[0], wrong[1]);
            assertThat(r.exitCode()).as(String.join(" ", wrong)).isEqualTo(2);
        }
        assertThat(run("users", "forwarding", "-t", "acme.example", "1001", "--always", "1001").err())
                .contains("always", "itself");
        assertThat(run("users", "forwarding", "-t", "acme.example", "1001", "--after", "200").err())
                .contains("noAnswer.afterSeconds", "200");
        assertThat(run("users", "forwarding", "-t", "acme.example", "1001").out()).as("unchanged")
                .containsPattern("noAnswer\\s+1002 after 45 s").containsPattern("always\\s+-");

        Run cleared = run("users", "forwarding", "-t", "acme.example", "1001", "--clear");
        assertThat(cleared.exitCode()).isZero();
        assertThat(cleared.out()).containsPattern("busy\\s+-").containsPattern("noAnswer\\s+-");
        assertThat(run("audit", "-t", "acme.example").out()).contains("forwarding.changed");
    }
}
