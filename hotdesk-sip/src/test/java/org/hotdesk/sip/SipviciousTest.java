package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.Peers;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attacker's tools from Debian's sipvicious package, run against the server: svwar enumerates
 * extensions, svcrack guesses a password. The office is 127.0.0.0/24; the attacker sits at 127.0.0.1 (the
 * tools cannot bind another address), where a desk phone registered from: the worst case, a PC plugged in
 * where a desk phone was. The colleagues' phones are at other addresses.
 */
class SipviciousTest extends SipTestBase {
    static final String ATTACKER = "127.0.0.1";
    static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|", Pattern.MULTILINE);

    User alice;

    @Override
    SipConfig sipConfig() {
        return md5Only();
    }

    @BeforeEach
    void office() {
        acme = core().tenants().updateSettings(acme.id(),
                acme.settings().withTrustedNetworks(new TrustedNetworks(List.of("127.0.0.0/24"))).withPhoneKeyLogin(true),
                TestHotdesk.ADMIN);
        alice = hd.user(acme, "1001", "2581");
        hd.user(acme, "1002", "2468");
        hd.user(acme, "1005", "3579");
        hd.user(acme, "1013", "4680");
    }

    @Test
    void svwarCannotTellExistingExtensionsFromAbsentOnes() throws Exception {
        for (String method : List.of("REGISTER", "INVITE", "OPTIONS")) {
            String out = run(Peers.require("svwar", "sipvicious"), "--force", "--domain", acme.domain(),
                    "-P", String.valueOf(freeUdpPort()), "-m", method, "-e", "1000-1015", "-p",
                    String.valueOf(server.port()), "127.0.0.1");
            Set<String> reported = new TreeSet<>();
            Matcher row = TABLE_ROW.matcher(out);
            while (row.find()) reported.add(row.group(1));
            reported.removeIf(ext -> ext.length() != 4 || !ext.startsWith("10"));
            assertThat(reported).as("svwar -m %s names no extension of the tenant:%n%s", method, out).isEmpty();
        }
    }

    @Test
    void svcrackIsLockedOutLongBeforeItFindsAFourDigitPinAndOthersKeepWorking() throws Exception {
        Path svcrack = Peers.require("svcrack", "sipvicious");
        Device attackedDesk = hd.device(acme);
        TestPhone deskAtAttackersAddress = new TestPhone(ATTACKER, server.port(), attackedDesk.sipUsername(),
                attackedDesk.sipPassword(), acme.domain(), "Yealink SIP-T54W 96.86.0.100").preferring("MD5");
        phones.add(deskAtAttackersAddress);
        assertThat(deskAtAttackersAddress.register(300).status()).isEqualTo(200);
        Device otherDesk = hd.device(acme);
        TestPhone colleague = new TestPhone("127.0.0.3", server.port(), otherDesk.sipUsername(), otherDesk.sipPassword(),
                acme.domain(), "Yealink SIP-T54W 96.86.0.100").preferring("MD5");
        phones.add(colleague);
        assertThat(colleague.register(300).status()).isEqualTo(200);
        loginByAdmin(otherDesk, hd.user(acme, "1020", "9753"));

        Process attack = start(svcrack, "--domain", acme.domain(), "-P", String.valueOf(freeUdpPort()), "-u", "1001", "-r", "0-9999",
                "-z", "4", "--maximumtime", "8", "-p", String.valueOf(server.port()), "127.0.0.1");
        // while it runs, the colleague's desk keeps registering and calling
        List<Integer> colleagueAnswers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            colleagueAnswers.add(colleague.register(300).status());
            Thread.sleep(300);
        }
        TestPhone.Call call = colleague.dial("1002");
        String out = finish(attack, 120);

        assertThat(colleagueAnswers).containsOnly(200);
        assertThat(call.status()).as("a call during the attack is routed (1002 has no phone)").isEqualTo(480);
        assertThat(out).as("svcrack output:%n%s", out).doesNotContain("2581");
        assertThat(core().attempts().isLocked(acme.id(), LockKey.user(alice.id()))).isTrue();
        assertThat(core().sessions().openSessionOf(attackedDesk.id())).isEmpty();
        String callId = UUID.randomUUID().toString();
        deskAtAttackersAddress.send(deskAtAttackersAddress.registerText(callId, 300, null));
        assertThat(deskAtAttackersAddress.receives(m -> m.isResponse() && m.callId().equals(callId),
                Duration.ofSeconds(2))).as("the attacking address is blocked").isFalse();
    }

    @Test
    void svcrackWouldFindAPinAmongItsFirstGuesses() throws Exception {
        // the control for the test above: the tool works against this server when no lockout stops it
        Path svcrack = Peers.require("svcrack", "sipvicious");
        Device desk = hd.device(acme);
        TestPhone deskPhone = new TestPhone(ATTACKER, server.port(), desk.sipUsername(), desk.sipPassword(),
                acme.domain(), "Yealink SIP-T54W 96.86.0.100").preferring("MD5");
        phones.add(deskPhone);
        assertThat(deskPhone.register(300).status()).isEqualTo(200);

        String out = run(svcrack, "--domain", acme.domain(), "-P", String.valueOf(freeUdpPort()), "-u", "1001", "-r", "2579-2583",
                "-z", "4", "--maximumtime", "8", "-p", String.valueOf(server.port()), "127.0.0.1");

        assertThat(out).as("svcrack output:%n%s", out).contains("2581");
    }

    private static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String run(Path binary, String... args) throws Exception {
        return finish(start(binary, args), 120);
    }

    private static Process start(Path binary, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process p, int seconds) throws Exception {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sipvicious did not finish within " + seconds + " s");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
