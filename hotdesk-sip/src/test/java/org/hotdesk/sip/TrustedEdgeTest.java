package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.SourceLimits;
import org.hotdesk.sip.auth.DigestAlgorithm;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.api.Test;

/**
 * Behind a Kamailio edge every phone's packets come from the edge's address. The edge names the phone in
 * {@code X-Hotdesk-Source}; from a trusted edge (127.0.0.4 here) the limiter counts that address, so one guessing
 * phone is blocked and the other phones behind the same edge are not. From anyone else the header is ignored.
 */
class TrustedEdgeTest extends SipTestBase {
    static final SourceLimits LIMITS = new SourceLimits(8, 60, 15);
    static final String EDGE = "127.0.0.4";

    @Override
    SourceLimits sourceLimits() {
        return LIMITS;
    }

    @Override
    SipConfig sipConfig() {
        return new SipConfig("127.0.0.1", 0, true, true, "127.0.0.1", 60, 300, 3600, 300, 30,
                List.of(DigestAlgorithm.MD5), List.of(EDGE));
    }

    @Test
    void aGuessingPhoneBehindTheEdgeIsBlockedAloneAndTheOthersBehindItAreServed() {
        Device desk = hd.device(acme);
        TestPhone guesser = phoneAt(EDGE, desk, "x").claimingOrigin("198.51.100.7:5060");
        for (int i = 0; i < LIMITS.maxFailures(); i++) {
            assertThat(guesser.register(300, "guess" + i).status()).isEqualTo(403);
        }
        String callId = UUID.randomUUID().toString();
        SourceGuardTest.sendThenAnEmergencyCall(guesser, callId, guesser.registerText(callId, 300, null));
        assertThat(guesser.receives(SourceGuardTest.registerAnswer(callId), Duration.ofMillis(200)))
                .as("the guessing phone, named by the edge, is blocked").isFalse();

        TestPhone realDesk = phoneAt(EDGE, desk, desk.sipPassword()).claimingOrigin("198.51.100.8:5060");
        assertThat(realDesk.register(300).status()).as("another phone behind the same edge").isEqualTo(200);
    }

    @Test
    void theHeaderFromAnAddressThatIsNotATrustedEdgeIsIgnored() {
        Device desk = hd.device(acme);
        TestPhone guesser = phoneAt("127.0.0.2", desk, "x");
        for (int i = 0; i < LIMITS.maxFailures(); i++) {
            // a new made-up address each time: were it believed, no address would reach the limit
            guesser.claimingOrigin("198.51.100." + (10 + i) + ":5060");
            assertThat(guesser.register(300, "guess" + i).status()).isEqualTo(403);
        }
        guesser.claimingOrigin("198.51.100.99:5060");
        String callId = UUID.randomUUID().toString();
        SourceGuardTest.sendThenAnEmergencyCall(guesser, callId, guesser.registerText(callId, 300, null));
        assertThat(guesser.receives(SourceGuardTest.registerAnswer(callId), Duration.ofMillis(200)))
                .as("counted by its own address").isFalse();
    }

    @Test
    void aCalleeNeverSeesThePhoneAddressTheEdgeWrote() {
        TestPhone gateway = gateway();
        routeEmergencyTo("sip:127.0.0.1:" + gateway.port());
        Device desk = hd.device(acme);
        TestPhone phone = phoneAt(EDGE, desk, desk.sipPassword()).claimingOrigin("198.51.100.8:5060");
        assertThat(phone.register(300).status()).isEqualTo(200);
        var atGateway = answersNextCall(gateway);

        TestPhone.Call call = phone.dial("911");

        assertThat(call.status()).isEqualTo(200);
        assertThat(atGateway.get().headerOpt("X-Hotdesk-Source")).as("stripped by the proxy").isEmpty();
        phone.ack(call.inviteText(), call.finalResponse());
    }

    @Test
    void behindTheEdgeAHotDeskKeyIsJudgedByThePhonesOwnAddress() {
        acme = core().tenants().updateSettings(acme.id(), acme.settings().withPhoneKeyLogin(true)
                .withTrustedNetworks(org.hotdesk.core.tenant.TrustedNetworks.NONE), org.hotdesk.store.testing.TestHotdesk.ADMIN);
        hd.user(acme, "1001", "2581");
        Device desk = hd.device(acme);
        TestPhone key = hotDeskKey(desk, "1001", "2581").claimingOrigin("198.51.100.8:5060");
        assertThat(key.register(300).status()).as("the desk is not registered yet").isEqualTo(403);

        TestPhone deskAccount = phoneAt(EDGE, desk, desk.sipPassword()).claimingOrigin("198.51.100.8:5060");
        assertThat(deskAccount.register(300).status()).isEqualTo(200);
        TestPhone elsewhere = hotDeskKey(desk, "1001", "2581").claimingOrigin("198.51.100.9:5060");
        assertThat(elsewhere.register(300).status())
                .as("another phone behind the same edge is not the desk, though its packets come from the same address")
                .isEqualTo(403);
        assertThat(key.register(300).status()).as("the desk's own phone, behind the edge").isEqualTo(200);
        assertThat(core().sessions().openSessionOf(desk.id())).isPresent();

        acme = core().tenants().updateSettings(acme.id(), acme.settings().withTrustedNetworks(
                new org.hotdesk.core.tenant.TrustedNetworks(List.of("198.51.100.9/32"))), org.hotdesk.store.testing.TestHotdesk.ADMIN);
        assertThat(hotDeskKey(desk, "1001", "2581").claimingOrigin("198.51.100.9:5060").register(300).status())
                .as("a trusted network is the phone's, not the edge's").isEqualTo(200);
    }

    /** The desk's phone after someone typed extension and PIN on its hot-desk key, behind the edge. */
    private TestPhone hotDeskKey(Device at, String extension, String pin) {
        TestPhone phone = new TestPhone(EDGE, server.port(), extension, pin, acme.domain(), "Yealink SIP-T54W 96.86.0.100")
                .withInstance("<urn:uuid:00000000-0000-1000-8000-" + at.mac().value() + ">")
                .keepingCallId()
                .preferring("MD5");
        phones.add(phone);
        return phone;
    }

    private TestPhone phoneAt(String ip, Device desk, String password) {
        TestPhone phone = new TestPhone(ip, server.port(), desk.sipUsername(), password, acme.domain(),
                "Yealink SIP-T54W 96.86.0.100 " + desk.mac().value());
        phones.add(phone);
        return phone;
    }
}
