package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.Audio;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.sip.testing.TestRtp;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.Test;

/** Voice-menu logins as a caller hears them: prompts arrive as RTP and are compared with the recordings. */
class VoiceLoginTest extends SipTestBase {
    static final Duration PROMPT = Duration.ofSeconds(8);

    User alice;
    Device device;
    TestPhone desk;

    void scene() {
        alice = hd.user(acme, "1001", "1357");
        device = hd.device(acme);
        desk = registeredDesk(device);
    }

    TestPhone.Call dial(String code, TestRtp rtp, boolean rfc4733) {
        TestPhone.Call call = desk.dial(code, rtp.offer(rfc4733));
        assertThat(call.status()).as(call.finalResponse().toString()).isEqualTo(200);
        desk.ack(call.inviteText(), call.finalResponse());
        rtp.answeredBy(call.finalResponse().body());
        return call;
    }

    void hears(TestRtp rtp, String... prompts) throws Exception {
        short[] heard = Audio.decodeUlaw(rtp.awaitPrompt(PROMPT));
        assertThat(Audio.similarity(Audio.prompt("en", prompts), heard)).as(String.join("+", prompts)).isGreaterThan(0.98);
    }

    void hungUpByServer(TestPhone.Call call) {
        SipMessage bye = desk.awaitRequest("BYE");
        assertThat(bye.callId()).isEqualTo(call.callId());
        desk.reply(bye, 200, "OK");
    }

    @Test
    void star77WithTheExtensionAsksThePinAndConfirmsTheLogin() throws Exception {
        scene();
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = dial("*77*1001*", rtp, true);

            hears(rtp, "enter_pin");
            rtp.press("1357#");
            hears(rtp, "logged_in_as", "digit_1", "digit_0", "digit_0", "digit_1");
            hungUpByServer(call);
        }
        Session s = core().sessions().openSessionOf(device.id()).orElseThrow();
        assertThat(s.userId()).isEqualTo(alice.id());
        assertThat(s.method()).isEqualTo(LoginMethod.FEATURE_CODE_PIN);
    }

    @Test
    void star11AsksExtensionThenPin() throws Exception {
        scene();
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = dial("*11", rtp, true);

            hears(rtp, "enter_extension");
            rtp.press("1001#");
            hears(rtp, "enter_pin");
            rtp.press("1357#");
            hears(rtp, "logged_in_as", "digit_1", "digit_0", "digit_0", "digit_1");
            hungUpByServer(call);
        }
        assertThat(core().sessions().openSessionOf(device.id())).map(Session::userId).contains(alice.id());
    }

    @Test
    void keysBySipInfoWorkForPhonesWithoutTelephoneEvents() throws Exception {
        scene();
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = dial("*77*1001*", rtp, false);

            hears(rtp, "enter_pin");
            for (char k : "1357#".toCharArray()) desk.info(call, k);
            hears(rtp, "logged_in_as", "digit_1", "digit_0", "digit_0", "digit_1");
            hungUpByServer(call);
        }
        assertThat(core().sessions().openSessionOf(device.id())).isPresent();
    }

    @Test
    void threeWrongPinsEndTheCallAndCountTowardsTheLockout() throws Exception {
        scene();
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = dial("*77*1001*", rtp, true);
            hears(rtp, "enter_pin");
            rtp.press("0000#");
            hears(rtp, "incorrect_pin", "enter_pin");
            rtp.press("1111#");
            hears(rtp, "incorrect_pin", "enter_pin");
            rtp.press("2222#");
            hears(rtp, "incorrect_pin", "goodbye");
            hungUpByServer(call);
        }
        assertThat(core().sessions().openSessionOf(device.id())).isEmpty();

        // the same counters as every other login: two more wrong codes make five, and then the desk is locked
        assertThat(desk.dial("00*000000%23").reason()).isEqualTo("Invalid code");
        assertThat(desk.dial("00*000001%23").reason()).isEqualTo("Invalid code");
        String otp = core().otps().generate(acme.id(), alice.id(), TestHotdesk.ADMIN).code();
        assertThat(desk.dial("00*" + otp + "%23").reason()).isEqualTo("Locked, try later");
    }

    @Test
    void aCallerWhoHangsUpDuringThePromptEndsTheMenu() throws Exception {
        scene();
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = dial("*11", rtp, true);
            rtp.awaitFirstPacket(PROMPT);

            desk.hangUp(call);

            assertThat(desk.awaitFinal(call.callId(), "BYE").status()).isEqualTo(200);
            // the server has forgotten the call: a key sent in it now is for no dialog of its (481)
            desk.inDialogText(call, "INFO", "Signal=5\r\nDuration=160\r\n");
            assertThat(desk.awaitFinal(call.callId(), "INFO").status()).isEqualTo(481);
            assertThat(desk.receives(m -> m.method().equals("BYE") && !m.isResponse(), Duration.ofSeconds(1))).isFalse();
        }
    }

    @Test
    void otpAndLogoutCodesSayWhatHappened() throws Exception {
        scene();
        String otp = core().otps().generate(acme.id(), alice.id(), TestHotdesk.ADMIN).code();
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = dial("00*" + otp + "%23", rtp, true);
            hears(rtp, "logged_in_as", "digit_1", "digit_0", "digit_0", "digit_1");
            hungUpByServer(call);
        }
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = dial("00%23", rtp, true);
            hears(rtp, "logged_out");
            hungUpByServer(call);
        }
        assertThat(core().sessions().openSessionOf(device.id())).isEmpty();
    }

    @Test
    void eachTenantHearsItsOwnLanguage() throws Exception {
        scene();
        acme = core().tenants().updateSettings(acme.id(), acme.settings().withPromptLanguage("de"), TestHotdesk.ADMIN);
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = dial("*77*1001*", rtp, true);

            short[] heard = Audio.decodeUlaw(rtp.awaitPrompt(PROMPT));
            assertThat(Audio.similarity(Audio.prompt("de", "enter_pin"), heard)).isGreaterThan(0.98);
            assertThat(Audio.similarity(Audio.prompt("en", "enter_pin"), heard)).isLessThan(0.5);
            rtp.press("1357#");
            short[] confirmation = Audio.decodeUlaw(rtp.awaitPrompt(PROMPT));
            assertThat(Audio.similarity(Audio.prompt("de", "logged_in_as", "digit_1", "digit_0", "digit_0", "digit_1"),
                    confirmation)).isGreaterThan(0.98);
            hungUpByServer(call);
        }
    }

    @Test
    void aLockedUserIsToldSoAndNotAskedAgain() throws Exception {
        scene();
        for (int i = 0; i < 5; i++) {
            assertThat(desk.dial("00*00000" + i + "%23").reason()).isEqualTo("Invalid code");
        }
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = dial("*77*1001*", rtp, true);
            hears(rtp, "enter_pin");
            rtp.press("1357#");
            hears(rtp, "locked");
            hungUpByServer(call);
        }
        assertThat(core().sessions().openSessionOf(device.id())).isEmpty();
    }

    @Test
    void aPhoneBehindNatIsHeardWhereItsAudioComesFrom() throws Exception {
        scene();
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = desk.dial("*77*1001*", rtp.offerFromBehindNat());
            assertThat(call.status()).isEqualTo(200);
            desk.ack(call.inviteText(), call.finalResponse());
            rtp.answeredBy(call.finalResponse().body());
            rtp.sendSilence();
            rtp.awaitPrompt(PROMPT); // the rest of "please enter your PIN", now arriving here

            rtp.press("1357#");
            hears(rtp, "logged_in_as", "digit_1", "digit_0", "digit_0", "digit_1");
            hungUpByServer(call);
        }
        assertThat(core().sessions().openSessionOf(device.id())).isPresent();
    }
}
