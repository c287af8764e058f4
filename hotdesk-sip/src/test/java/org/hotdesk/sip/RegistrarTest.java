package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.api.Test;

class RegistrarTest extends SipTestBase {

    @Test
    void aDeskRegistersAfterTheDigestChallenge() {
        Device desk = hd.device(acme);
        TestPhone phone = deskPhone(desk);
        String callId = UUID.randomUUID().toString();

        SipMessage challenge = phone.exchange(phone.registerText(callId, 300, null));
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.headers("WWW-Authenticate")).hasSize(2);
        assertThat(challenge.headers("WWW-Authenticate").get(0)).contains("algorithm=SHA-256", "realm=\"acme.example\"", "qop=\"auth\"");
        assertThat(challenge.headers("WWW-Authenticate").get(1)).contains("algorithm=MD5");

        SipMessage ok = phone.exchange(phone.registerText(callId, 300,
                phone.authorization("REGISTER", "sip:acme.example", challenge, "WWW-Authenticate", desk.sipPassword())));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Contact")).contains(phone.contact()).contains("expires=300");

        Registration binding = server.registrations().ofDevice(desk.id()).get(0);
        assertThat(binding.contact()).isEqualTo(phone.contact());
        assertThat(binding.source()).isEqualTo("127.0.0.1:" + phone.port());
        assertThat(binding.userAgent()).startsWith("Yealink SIP-T54W");
        assertThat(binding.expiresAt()).isEqualTo(hd.clock().instant().plusSeconds(300));
    }

    @Test
    void md5AndSha256DigestsAreBothAccepted() {
        assertThat(deskPhone(hd.device(acme)).preferring("MD5").register(300).status()).isEqualTo(200);
        assertThat(deskPhone(hd.device(acme)).preferring("SHA-256").register(300).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedAndRegistersNothing() {
        Device desk = hd.device(acme);

        SipMessage answer = deskPhone(desk).register(300, "not-the-password");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(server.registrations().ofDevice(desk.id())).isEmpty();
    }

    @Test
    void anUnknownAccountIsChallengedLikeAKnownOneThenRefused() {
        TestPhone stranger = new TestPhone("127.0.0.1", server.port(), "nobody", "secret123", acme.domain(), "svwar");
        phones.add(stranger);

        assertThat(stranger.exchange(stranger.registerText("x1", 300, null)).status()).isEqualTo(401);
        assertThat(stranger.register(300).status()).isEqualTo(403);
    }

    @Test
    void aReplayedAuthorizationIsChallengedAgain() {
        Device desk = hd.device(acme);
        TestPhone phone = deskPhone(desk);
        SipMessage challenge = phone.exchange(phone.registerText("c1", 300, null));
        String auth = phone.authorization("REGISTER", "sip:acme.example", challenge, "WWW-Authenticate", desk.sipPassword());
        assertThat(phone.exchange(phone.registerText("c1", 300, auth)).status()).isEqualTo(200);

        SipMessage replay = phone.exchange(phone.registerText("c1", 300, auth));

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.header("WWW-Authenticate")).contains("stale=TRUE");
    }

    @Test
    void aNonceFromAnotherNodeOrBeforeARestartIsChallengedAgainAndCountsNothingAgainstTheAddress() {
        Device desk = hd.device(acme);
        TestPhone phone = deskPhone(desk);
        // a challenge this server never sent: what a phone answers after a failover or a restart
        SipMessage elsewhere = SipMessage.parse("SIP/2.0 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"acme.example\", "
                + "nonce=\"AAABok6Od3IAAAAAAAACcnNgaTmz5c-jQgQLxAY7ScKgPWyir5vpqg\", algorithm=MD5, qop=\"auth\"\r\n"
                + "Content-Length: 0\r\n\r\n");
        String auth = phone.authorization("REGISTER", "sip:acme.example", elsewhere, "WWW-Authenticate", desk.sipPassword());

        // more often than the limiter's 20 failures would allow
        for (int i = 0; i < 25; i++) {
            SipMessage answer = phone.exchange(phone.registerText("n" + i, 300, auth));
            assertThat(answer.status()).as("answer %d", i).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).contains("stale=TRUE");
        }
        assertThat(phone.register(300).status()).as("the address is not blocked").isEqualTo(200);

        String wrong = phone.authorization("REGISTER", "sip:acme.example", elsewhere, "WWW-Authenticate", "not-the-password");
        assertThat(phone.exchange(phone.registerText("w1", 300, wrong)).status()).as("a wrong password is still refused")
                .isEqualTo(403);
    }

    @Test
    void aBindingExpiresOnTime() {
        Device desk = hd.device(acme);
        registeredDesk(desk);

        hd.clock().advance(Duration.ofSeconds(299));
        assertThat(server.registrations().ofDevice(desk.id())).hasSize(1);
        hd.clock().advance(Duration.ofSeconds(2));
        assertThat(server.registrations().ofDevice(desk.id())).isEmpty();
    }

    @Test
    void tooShortAnIntervalGets423AndTooLongIsCut() {
        Device desk = hd.device(acme);
        TestPhone phone = deskPhone(desk);

        SipMessage brief = phone.register(30);
        assertThat(brief.status()).isEqualTo(423);
        assertThat(brief.header("Min-Expires")).isEqualTo("60");

        SipMessage capped = phone.register(86400);
        assertThat(capped.status()).isEqualTo(200);
        assertThat(capped.header("Contact")).endsWith(";expires=500"); // the tenant's register expiry
    }

    @Test
    void aDeskAskingForAnHourGetsTheRegisterExpiryItsTenantTellsItsDesks() {
        Device desk = hd.device(acme);
        TestPhone phone = deskPhone(desk);

        SipMessage ok = registerEdited(phone, desk, text -> text.replace(">;expires=300\r\n", ">\r\nExpires: 3600\r\n"));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Contact")).isEqualTo("<" + phone.contact() + ">;expires=500");
        assertThat(server.registrations().ofDevice(desk.id())).singleElement()
                .satisfies(b -> assertThat(b.expiresAt()).isEqualTo(hd.clock().instant().plusSeconds(500)));
        hd.clock().advance(Duration.ofSeconds(501));
        assertThat(server.registrations().ofDevice(desk.id())).isEmpty();
    }

    @Test
    void aChangedTenantRegisterExpiryCountsFromTheNextRegisterWithinTheServersCeiling() {
        Device desk = hd.device(acme);
        TestPhone phone = deskPhone(desk);
        assertThat(phone.register(3600).header("Contact")).as("the tenant is now held in memory").endsWith(";expires=500");

        tenantRegistersEvery(1200);
        phone.reply(phone.awaitRequest("NOTIFY"), 200, "OK"); // the desks' files changed
        SipMessage twentyMinutes = phone.register(3600);
        assertThat(twentyMinutes.header("Contact")).endsWith(";expires=1200");
        assertThat(server.registrations().ofDevice(desk.id()).get(0).expiresAt())
                .isEqualTo(hd.clock().instant().plusSeconds(1200));

        tenantRegistersEvery(7200);
        phone.reply(phone.awaitRequest("NOTIFY"), 200, "OK");
        assertThat(phone.register(86400).header("Contact")).as("sip.maxExpires").endsWith(";expires=3600");
    }

    private void tenantRegistersEvery(int seconds) {
        ProvisioningSettings p = acme.settings().provisioning();
        acme = core().tenants().updateSettings(acme.id(), acme.settings().withProvisioning(
                new ProvisioningSettings(p.ntpServer(), p.fetchLimit(), seconds, p.access())), Actor.admin("t"));
    }

    @Test
    void unregisterRemovesTheBinding() {
        Device desk = hd.device(acme);
        TestPhone phone = registeredDesk(desk);

        assertThat(phone.register(0).status()).isEqualTo(200);

        assertThat(server.registrations().ofDevice(desk.id())).isEmpty();
    }

    @Test
    void severalContactsPerAccountAreKept() {
        Device desk = hd.device(acme);
        registeredDesk(desk);
        TestPhone second = deskPhone(desk);

        SipMessage ok = second.register(300);

        assertThat(String.join(",", ok.headers("Contact"))).contains(second.contact(), "expires=300")
                .containsPattern("127.0.0.1:\\d+>.*127.0.0.1:\\d+>");
        assertThat(server.registrations().ofDevice(desk.id())).hasSize(2);
    }

    @Test
    void aDisabledDeviceCannotRegister() {
        Device desk = hd.device(acme);
        core().devices().setEnabled(acme.id(), desk.id(), false, org.hotdesk.core.audit.Actor.admin("t"));

        SipMessage answer = deskPhone(desk).register(300);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.reason()).isEqualTo("Device disabled");
    }

    @Test
    void anEditedOrRemovedDeskCountsFromItsVeryNextRegister() {
        Device desk = hd.device(acme);
        assertThat(deskPhone(desk).register(300).status()).as("the desk's account is now held in memory").isEqualTo(200);
        org.hotdesk.core.audit.Actor admin = org.hotdesk.core.audit.Actor.admin("t");

        core().devices().setEnabled(acme.id(), desk.id(), false, admin);
        SipMessage disabled = deskPhone(desk).register(300);
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.reason()).isEqualTo("Device disabled");

        core().devices().setEnabled(acme.id(), desk.id(), true, admin);
        assertThat(deskPhone(desk).register(300).status()).isEqualTo(200);

        core().devices().remove(acme.id(), desk.id(), admin);
        SipMessage removed = deskPhone(desk).register(300);
        assertThat(removed.status()).isEqualTo(403);
        assertThat(removed.reason()).isEqualTo("Wrong username or password");
    }

    /** REGISTER with its text changed by {@code edit} (both the challenged and the authenticated one). */
    private SipMessage registerEdited(TestPhone phone, Device desk, java.util.function.UnaryOperator<String> edit) {
        String callId = UUID.randomUUID().toString();
        SipMessage challenge = phone.exchange(edit.apply(phone.registerText(callId, 300, null)));
        return phone.exchange(edit.apply(phone.registerText(callId, 300,
                phone.authorization("REGISTER", "sip:acme.example", challenge, "WWW-Authenticate", desk.sipPassword()))));
    }

    @Test
    void pathAndInstanceAreKeptAndTheSameInstanceReplacesItsOldBinding() {
        Device desk = hd.device(acme);
        String instance = "\"<urn:uuid:00000000-0000-1000-8000-001565000001>\"";
        TestPhone before = deskPhone(desk);
        SipMessage ok = registerEdited(before, desk, text -> text
                .replace(">;expires=300\r\n", ">;expires=300;+sip.instance=" + instance + "\r\nPath: <sip:edge.example.net;lr>\r\n"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Path")).isEqualTo("<sip:edge.example.net;lr>");
        assertThat(ok.header("Contact")).contains("+sip.instance=" + instance);

        // the phone rebooted and came back from another port with the same instance id
        TestPhone after = deskPhone(desk);
        registerEdited(after, desk, text -> text.replace(">;expires=300\r\n", ">;expires=300;+sip.instance=" + instance + "\r\n"));

        assertThat(server.registrations().ofDevice(desk.id())).singleElement().satisfies(b -> {
            assertThat(b.contact()).isEqualTo(after.contact());
            assertThat(b.instanceId()).isEqualTo("<urn:uuid:00000000-0000-1000-8000-001565000001>");
        });
        Registration first = server.registrations().ofDevice(desk.id()).get(0);
        assertThat(first.path()).isEmpty();
    }

    @Test
    void aPhoneBehindNatIsReachedWhereItsRegisterCameFromNotAtItsPrivateContact() {
        hd.user(acme, "1001", "1357");
        Device desk = hd.device(acme);
        TestPhone phone = deskPhone(desk);
        String privateContact = "sip:" + desk.sipUsername() + "@10.20.30.40:5060";
        assertThat(registerEdited(phone, desk, text -> text.replace("<" + phone.contact() + ">", "<" + privateContact + ">"))
                .status()).isEqualTo(200);
        assertThat(server.registrations().ofDevice(desk.id()).get(0).source()).isEqualTo("127.0.0.1:" + phone.port());

        core().logins().login(desk.id(), new org.hotdesk.core.login.Credentials.Assigned(
                core().users().byExtension(acme.id(), "1001").id(), org.hotdesk.core.session.LoginMethod.ADMIN),
                org.hotdesk.core.audit.Actor.admin("t"));

        SipMessage notify = phone.awaitRequest("NOTIFY");
        assertThat(notify.requestUri()).isEqualTo(privateContact);
    }

    @Test
    void aRestartedServerStillReachesPhonesRegisteredBeforeIt() {
        User alice = hd.user(acme, "1001", "1357");
        Device desk = hd.device(acme);
        TestPhone phone = registeredDesk(desk);

        int port = server.port();
        server.close();
        server = SipServer.start(sipConfig().withPort(port), core(), hd.clock());

        assertThat(server.registrations().ofDevice(desk.id())).singleElement()
                .satisfies(b -> assertThat(b.contact()).isEqualTo(phone.contact()));
        assertThat(core().registrations().ofDevice(desk.id())).hasSize(1);
        loginByAdmin(desk, alice);
        assertThat(phone.awaitRequest("NOTIFY").requestUri()).isEqualTo(phone.contact());
    }
}
