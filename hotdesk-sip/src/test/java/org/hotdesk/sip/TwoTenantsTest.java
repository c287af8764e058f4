package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.sip.testing.TestRtp;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants on one server, each with an extension 1001 whose PIN is 2581: calls, one-time codes, the voice
 * login ({@code *77*1001*}), phone-key registrations, users' own SIP accounts and re-sync NOTIFYs stay within the
 * tenant they belong to.
 */
class TwoTenantsTest extends SipTestBase {
    Tenant globex;
    User acmeAnn;
    User globexAnn;
    Device acmeDesk;
    Device globexDesk;
    TestPhone acmePhone;
    TestPhone globexPhone;

    @BeforeEach
    void secondTenant() {
        globex = hd.tenant("globex.example");
        acmeAnn = hd.user(acme, "1001", "2581");
        globexAnn = hd.user(globex, "1001", "2581");
        acmeDesk = hd.device(acme);
        globexDesk = hd.device(globex);
        acmePhone = registeredDesk(acmeDesk);
        globexPhone = phone(globex, globexDesk.sipUsername(), globexDesk.sipPassword());
        assertThat(globexPhone.register(300).status()).isEqualTo(200);
    }

    @Test
    void aCallToAnExtensionRingsTheCallersTenantOnly() {
        loginByAdmin(acmeDesk, acmeAnn);
        acmePhone.reply(acmePhone.awaitRequest("NOTIFY"), 200, "OK");
        loginByAdmin(globexDesk, globexAnn);
        globexPhone.reply(globexPhone.awaitRequest("NOTIFY"), 200, "OK");
        User bob = hd.user(acme, "1002", "2468");
        Device bobsDesk = hd.device(acme);
        TestPhone bobPhone = registeredDesk(bobsDesk);
        loginByAdmin(bobsDesk, bob);
        bobPhone.reply(bobPhone.awaitRequest("NOTIFY"), 200, "OK");

        var rang = answersNextCall(acmePhone);
        assertThat(bobPhone.dial("1001").status()).isEqualTo(200);
        assertThat(rang.get().requestUri()).startsWith(acmePhone.contact());

        // then something globex's desk must get: nothing of the call came before it
        core().devices().rename(globex.id(), globexDesk.id(), "Globex lobby", null, TestHotdesk.ADMIN);
        globexPhone.reply(globexPhone.awaitNew(m -> "NOTIFY".equals(m.method()), Duration.ofSeconds(5), "the rename"),
                200, "OK");
        assertThat(globexPhone.arrivals()).as("globex's 1001 never rang").doesNotContain("INVITE");
    }

    @Test
    void aOneTimeCodeLogsInOnlyAtADeskOfItsTenant() {
        String code = core().otps().generate(globex.id(), globexAnn.id(), TestHotdesk.ADMIN).code();

        TestPhone.Call elsewhere = acmePhone.dial("00*" + code + "%23");
        assertThat(elsewhere.reason()).isEqualTo("Invalid code");
        assertThat(core().sessions().openSessionOf(acmeDesk.id())).isEmpty();

        TestPhone.Call home = globexPhone.dial("00*" + code + "%23");
        assertThat(home.status()).isEqualTo(200);
        globexPhone.ack(home.inviteText(), home.finalResponse());
        assertThat(core().sessions().openSessionOf(globexDesk.id())).map(Session::userId).contains(globexAnn.id());
    }

    @Test
    void star77WithAnExtensionLogsInThatExtensionOfTheDesksOwnTenant() throws Exception {
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = globexPhone.dial("*77*1001*", rtp.offer(true));
            assertThat(call.status()).as(call.finalResponse().toString()).isEqualTo(200);
            globexPhone.ack(call.inviteText(), call.finalResponse());
            rtp.answeredBy(call.finalResponse().body());
            rtp.awaitPrompt(VoiceLoginTest.PROMPT); // "enter your PIN"
            rtp.press("2581#");
            rtp.awaitPrompt(VoiceLoginTest.PROMPT); // "logged in as 1 0 0 1"
            SipMessage bye = globexPhone.awaitRequest("BYE");
            assertThat(bye.callId()).isEqualTo(call.callId());
            globexPhone.reply(bye, 200, "OK");
        }

        assertThat(core().sessions().openSessionOf(globexDesk.id())).map(Session::userId).contains(globexAnn.id());
        assertThat(core().sessions().openSessionsOfUser(acmeAnn.id())).as("acme's 1001 logged in nowhere").isEmpty();
        assertThat(core().sessions().history(acme.id(), acmeAnn.id(), null, 10)).as("nor refused at acme").isEmpty();
    }

    @Test
    void aPhoneKeyRegisterLogsInTheUserOfTheTenantItsDomainNames() {
        for (Tenant t : List.of(acme, globex)) {
            core().tenants().updateSettings(t.id(), core().tenants().get(t.id()).settings()
                    .withTrustedNetworks(new TrustedNetworks(List.of("127.0.0.1/32"))).withPhoneKeyLogin(true),
                    TestHotdesk.ADMIN);
        }
        // the PINs were set while phone-key login was off: set again, they get the digest a phone-key login needs
        core().users().setPin(acme.id(), acmeAnn.id(), "2581", TestHotdesk.ADMIN);
        core().users().setPin(globex.id(), globexAnn.id(), "2581", TestHotdesk.ADMIN);
        TestPhone key = new TestPhone("127.0.0.1", server.port(), "1001", "2581", globex.domain(),
                "Yealink SIP-T54W 96.86.0.100")
                .withInstance("<urn:uuid:00000000-0000-1000-8000-" + globexDesk.mac().value() + ">")
                .keepingCallId().preferring("MD5");
        phones.add(key);

        SipMessage answer = key.register(300);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(core().sessions().openSessionOf(globexDesk.id())).map(Session::userId).contains(globexAnn.id());
        assertThat(core().sessions().openSessionOf(acmeDesk.id())).isEmpty();
        assertThat(core().sessions().history(acme.id(), acmeAnn.id(), null, 10)).as("acme's 1001 untouched").isEmpty();
    }

    @Test
    void aUsersOwnSipAccountIsFoundInItsTenantOnly() {
        core().users().create(globex.id(), new NewUser("1003", "Gus Globex", "3691", true, "globex-secret-1"),
                TestHotdesk.ADMIN);
        core().users().create(acme.id(), new NewUser("1003", "Cy Acme", "3691", true, "acme-secret-22"),
                TestHotdesk.ADMIN);

        assertThat(phone(acme, "1003", "globex-secret-1").register(300).status()).as("globex's password at acme")
                .isEqualTo(403);
        assertThat(phone(globex, "1003", "globex-secret-1").register(300).status()).isEqualTo(200);
        assertThat(phone(acme, "1003", "acme-secret-22").register(300).status()).isEqualTo(200);
    }

    @Test
    void aLoginReSyncsTheDeskOfItsOwnTenantOnly() {
        loginByAdmin(acmeDesk, acmeAnn);
        acmePhone.reply(acmePhone.awaitRequest("NOTIFY"), 200, "OK");

        core().devices().rename(globex.id(), globexDesk.id(), "Globex lobby", null, TestHotdesk.ADMIN);
        globexPhone.reply(globexPhone.awaitNew(m -> "NOTIFY".equals(m.method()), Duration.ofSeconds(5), "the rename"),
                200, "OK");
        assertThat(globexPhone.arrivals().stream().filter("NOTIFY"::equals)).as("only its own rename").hasSize(1);
    }

    private TestPhone phone(Tenant tenant, String username, String password) {
        TestPhone phone = new TestPhone("127.0.0.1", server.port(), username, password, tenant.domain(),
                "Yealink SIP-T54W 96.86.0.100");
        phones.add(phone);
        return phone;
    }
}
