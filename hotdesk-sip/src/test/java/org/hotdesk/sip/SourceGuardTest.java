package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.SourceLimits;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.api.Test;

/**
 * An address that keeps guessing passwords or scanning extensions is slowed, then ignored; other phones are
 * not. The allowance is 8 here instead of the default 20, so the slowed tries keep the test short.
 */
class SourceGuardTest extends SipTestBase {
    static final SourceLimits LIMITS = new SourceLimits(8, 60, 15);

    @Override
    SourceLimits sourceLimits() {
        return LIMITS;
    }

    @Test
    void passwordGuessingBlocksTheGuesserAndNobodyElse() {
        Device desk = hd.device(acme);
        TestPhone guesser = new TestPhone("127.0.0.2", server.port(), desk.sipUsername(), "x", acme.domain(), "svcrack");
        phones.add(guesser);
        for (int i = 0; i < LIMITS.maxFailures(); i++) {
            assertThat(guesser.register(300, "guess" + i).status()).isEqualTo(403);
        }

        String callId = UUID.randomUUID().toString();
        sendThenAnEmergencyCall(guesser, callId, guesser.registerText(callId, 300, null));
        assertThat(guesser.receives(registerAnswer(callId), Duration.ofMillis(200)))
                .as("a blocked address gets no answer").isFalse();

        assertThat(deskPhone(desk).register(300).status()).as("the real desk, from another address").isEqualTo(200);

        hd.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(guesser.register(300, desk.sipPassword()).status()).as("served again after the block").isEqualTo(200);
    }

    @Test
    void aGuesserIsAnsweredMoreSlowlyBeforeItIsBlocked() {
        Device desk = hd.device(acme);
        TestPhone guesser = new TestPhone("127.0.0.2", server.port(), desk.sipUsername(), "x", acme.domain(), "svcrack");
        phones.add(guesser);
        for (int i = 0; i < 5; i++) assertThat(guesser.register(300, "guess" + i).status()).isEqualTo(403);

        long sixth = timed(() -> assertThat(guesser.register(300, "guess5").status()).isEqualTo(403));

        // half the allowance (4) is free; at 5 failures both requests of a try (challenge, answer) wait a second
        assertThat(sixth).as("ms for the 6th try").isGreaterThanOrEqualTo(1800);
        assertThat(deskPhone(desk).register(300).status()).as("the real desk, from another address").isEqualTo(200);
    }

    private static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aBlockedAddressStillReachesTheEmergencyNumbers() {
        TestPhone gateway = gateway();
        routeEmergencyTo("sip:127.0.0.1:" + gateway.port());
        Device desk = hd.device(acme);
        TestPhone phone = new TestPhone("127.0.0.2", server.port(), desk.sipUsername(), desk.sipPassword(), acme.domain(),
                "Yealink SIP-T54W 96.86.0.100");
        phones.add(phone);
        assertThat(phone.register(300).status()).isEqualTo(200);
        TestPhone guesser = new TestPhone("127.0.0.2", server.port(), desk.sipUsername(), "x", acme.domain(), "svcrack");
        phones.add(guesser);
        for (int i = 0; i < LIMITS.maxFailures(); i++) guesser.register(300, "guess" + i);
        String callId = UUID.randomUUID().toString();
        sendThenAnEmergencyCall(phone, callId, phone.registerText(callId, 300, null));
        assertThat(phone.receives(registerAnswer(callId), Duration.ofMillis(200))).as("the address is blocked").isFalse();

        var atGateway = answersNextCall(gateway);
        long started = System.nanoTime();
        TestPhone.Call call = phone.dial("911");

        assertThat(call.status()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).as("not slowed down either").isLessThan(4000);
        assertThat(atGateway.get().requestUri()).startsWith("sip:911@");
        phone.ack(call.inviteText(), call.finalResponse());
        phone.hangUp(call);
        gateway.reply(gateway.awaitRequest("BYE"), 200, "OK");
        assertThat(phone.awaitFinal(call.callId(), "BYE").status()).as("its BYE is relayed too").isEqualTo(200);
    }

    @Test
    void scanningForExtensionsBlocksTheScanner() {
        TestPhone scanner = new TestPhone("127.0.0.3", server.port(), "1000", "x", acme.domain(), "svwar");
        phones.add(scanner);
        for (int ext = 1000; ext < 1000 + LIMITS.maxFailures(); ext++) {
            String text = scanner.registerText("scan" + ext, 300, null).replace("sip:1000@", "sip:" + ext + "@");
            assertThat(scanner.exchange(text).status()).isEqualTo(401);
        }

        String callId = UUID.randomUUID().toString();
        sendThenAnEmergencyCall(scanner, callId, scanner.registerText(callId, 300, null));
        assertThat(scanner.receives(registerAnswer(callId), Duration.ofMillis(200))).isFalse();
    }

    /**
     * Sends a request from a blocked address, then an emergency call on the same Call-ID: the server answers an
     * emergency call from anywhere, and handles one Call-ID's messages in order, so once the call has its answer
     * the request before it has been dealt with too. Without that sign, "no answer" could just be a slow server.
     */
    static void sendThenAnEmergencyCall(TestPhone phone, String callId, String request) {
        phone.send(request);
        phone.send(phone.inviteText("911", callId, TestPhone.tag(), 2, null));
        phone.await(m -> m.isResponse() && m.callId().equals(callId) && m.cseqMethod().equals("INVITE"),
                Duration.ofSeconds(10), "an answer to the emergency call after the blocked request");
    }

    static java.util.function.Predicate<SipMessage> registerAnswer(String callId) {
        return m -> m.isResponse() && m.callId().equals(callId) && m.cseqMethod().equals("REGISTER");
    }
}
