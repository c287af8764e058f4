package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hotdesk.core.call.CallOutcome;
import org.hotdesk.core.call.CallRecord;
import org.hotdesk.core.device.BulkAction;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.login.OtpCode;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.Test;

/** The hot-desk codes and calls as a desk phone makes them, over real SIP. */
class HotDeskCallsTest extends SipTestBase {

    String otpFor(User user) {
        OtpCode otp = core().otps().generate(acme.id(), user.id(), TestHotdesk.ADMIN);
        return otp.code();
    }

    @Test
    void anIdleDeskMayNotCallAnExtension() {
        hd.user(acme, "1002", "2468");
        TestPhone desk = registeredDesk(hd.device(acme));

        TestPhone.Call call = desk.dial("1002");

        assertThat(call.status()).isEqualTo(403);
        assertThat(call.reason()).isEqualTo("Hot desk login required");
    }

    @Test
    void anIdleDeskReachesTheEmergencyGateway() {
        TestPhone gateway = gateway();
        routeEmergencyTo("sip:127.0.0.1:" + gateway.port());
        TestPhone desk = registeredDesk(hd.device(acme));
        answerNextInvite(gateway);

        TestPhone.Call call = desk.dial("112");

        assertThat(call.status()).isEqualTo(200);
        SipMessage atGateway = received.get();
        assertThat(atGateway.requestUri()).startsWith("sip:112@127.0.0.1:" + gateway.port());
        assertThat(atGateway.headers("Record-Route")).isNotEmpty();
    }

    @Test
    void anEmergencyCallWithNoGatewayConfiguredIsRefusedClearly() {
        TestPhone desk = registeredDesk(hd.device(acme));

        TestPhone.Call call = desk.dial("911");

        assertThat(call.status()).isEqualTo(503);
        assertThat(call.reason()).isEqualTo("No emergency route");
    }

    @Test
    void otpLoginByDialStringStartsTheSessionAndResyncsThePhone() {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        TestPhone desk = registeredDesk(device);

        TestPhone.Call call = desk.dial("00*" + otpFor(alice) + "%23");

        assertThat(call.status()).isEqualTo(200);
        desk.ack(call.inviteText(), call.finalResponse());
        assertThat(core().sessions().openSessionOf(device.id())).map(Session::userId).contains(alice.id());
        SipMessage notify = desk.awaitRequest("NOTIFY");
        assertThat(notify.header("Event")).isEqualTo("check-sync;reboot=false");
        assertThat(notify.requestUri()).isEqualTo(desk.contact());
        desk.reply(notify, 200, "OK");
        SipMessage bye = desk.awaitRequest("BYE");
        assertThat(bye.callId()).isEqualTo(call.callId());
        desk.reply(bye, 200, "OK");
    }

    @Test
    void logoutCodeEndsTheSessionAndResyncsAgain() {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        TestPhone desk = registeredDesk(device);
        loginByAdmin(device, alice);
        desk.reply(desk.awaitRequest("NOTIFY"), 200, "OK");

        TestPhone.Call call = desk.dial("00%23");

        assertThat(call.status()).isEqualTo(200);
        desk.ack(call.inviteText(), call.finalResponse());
        assertThat(core().sessions().openSessionOf(device.id())).isEmpty();
        assertThat(core().sessions().history(acme.id(), alice.id(), null, 10).get(0).endReason()).isEqualTo(LogoutReason.USER);
        assertThat(desk.awaitRequest("NOTIFY").header("Event")).isEqualTo("check-sync;reboot=false");
    }

    @Test
    void aSecondUsersLoginDisplacesTheFirst() {
        User alice = hd.user(acme, "1001", "1357");
        User bob = hd.user(acme, "1002", "2468");
        Device device = hd.device(acme);
        TestPhone desk = registeredDesk(device);
        loginByAdmin(device, alice);

        TestPhone.Call call = desk.dial("00%23" + otpFor(bob) + "%23");

        assertThat(call.status()).isEqualTo(200);
        assertThat(core().sessions().openSessionOf(device.id())).map(Session::userId).contains(bob.id());
        Session alices = core().sessions().history(acme.id(), alice.id(), null, 1).get(0);
        assertThat(alices.endReason()).isEqualTo(LogoutReason.DISPLACED);
    }

    @Test
    void aLoginThatDisplacesSomeoneSendsOneNotifyAndOnlyAfterTheAnswer() {
        User alice = hd.user(acme, "1001", "1357");
        User bob = hd.user(acme, "1002", "2468");
        Device device = hd.device(acme);
        TestPhone desk = registeredDesk(device);
        loginByAdmin(device, alice);
        desk.reply(desk.awaitRequest("NOTIFY"), 200, "OK");
        int before = desk.arrivals().size();

        TestPhone.Call call = desk.dial("00*" + otpFor(bob) + "%23");
        assertThat(call.status()).isEqualTo(200);
        desk.ack(call.inviteText(), call.finalResponse());
        desk.reply(desk.awaitRequest("NOTIFY"), 200, "OK");
        // a sign the server is done with the login: the NOTIFY of an edit of Bob's keys, made after it, arrives
        // after everything the login sent
        core().users().setKeys(acme.id(), bob.id(), List.of(new FunctionKey(FunctionKey.Type.BLF, "1001", "Alice")),
                TestHotdesk.ADMIN);
        desk.reply(desk.awaitNew(m -> "NOTIFY".equals(m.method()), Duration.ofSeconds(5), "the edit's NOTIFY"), 200, "OK");

        List<String> login = desk.arrivals().subList(before, desk.arrivals().size());
        assertThat(login.stream().filter("NOTIFY"::equals)).as("one for the login, one for the edit: %s", login).hasSize(2);
        assertThat(login.indexOf("SIP/2.0 200 INVITE")).as("the answer before the NOTIFY: %s", login)
                .isLessThan(login.indexOf("NOTIFY"));
    }

    @Test
    void aWrongExpiredOrReusedCodeIsRefusedWithTheReason() {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        TestPhone desk = registeredDesk(device);

        TestPhone.Call wrong = desk.dial("00*000000%23");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.reason()).isEqualTo("Invalid code");

        String expired = otpFor(alice);
        hd.clock().advance(Duration.ofSeconds(121));
        TestPhone.Call late = desk.dial("00*" + expired + "%23");
        assertThat(late.reason()).isEqualTo("Code expired");

        String code = otpFor(alice);
        assertThat(desk.dial("00*" + code + "%23").status()).isEqualTo(200);
        core().sessions().logout(device.id(), LogoutReason.ADMIN, TestHotdesk.ADMIN);
        TestPhone.Call reused = desk.dial("00*" + code + "%23");
        assertThat(reused.status()).isEqualTo(403);
        assertThat(reused.reason()).isEqualTo("Code already used");
    }

    @Test
    void someoneWhoseHotDeskAccessWasRevokedIsToldSo() {
        User carl = hd.user(acme, "1003", "3579");
        Device device = hd.device(acme);
        TestPhone desk = registeredDesk(device);
        String code = otpFor(carl);
        core().users().setHotDesk(acme.id(), carl.id(), false, TestHotdesk.ADMIN);

        TestPhone.Call call = desk.dial("00*" + code + "%23");

        assertThat(call.status()).isEqualTo(403);
        assertThat(call.reason()).isEqualTo("Hot desking not allowed");
        assertThat(core().sessions().openSessionOf(device.id())).isEmpty();
    }

    @Test
    void fiveBadCodesLockTheDesk() {
        User alice = hd.user(acme, "1001", "1357");
        TestPhone desk = registeredDesk(hd.device(acme));
        for (int i = 0; i < 5; i++) {
            assertThat(desk.dial("00*00000" + i + "%23").reason()).isEqualTo("Invalid code");
        }

        TestPhone.Call locked = desk.dial("00*" + otpFor(alice) + "%23");

        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.reason()).isEqualTo("Locked, try later");
    }

    @Test
    void aCallToAnExtensionRingsTheDeskWhereTheUserSitsWithTheCallersIdentity() {
        User alice = hd.user(acme, "1001", "1357");
        User bob = hd.user(acme, "1002", "2468");
        Seat aliceSeat = seat(alice);
        Seat bobSeat = seat(bob);
        TestPhone alicePhone = aliceSeat.phone();
        TestPhone bobPhone = bobSeat.phone();
        Device aliceDesk = aliceSeat.device();
        Device bobDesk = bobSeat.device();

        answerNextInvite(bobPhone);
        TestPhone.Call call = alicePhone.dial("1002");

        assertThat(call.status()).isEqualTo(200);
        SipMessage invite = received.get();
        assertThat(invite.header("P-Asserted-Identity")).isEqualTo("\"User 1001\" <sip:1001@acme.example>");
        assertThat(invite.requestUri()).isEqualTo(bobPhone.contact());
        alicePhone.ack(call.inviteText(), call.finalResponse());
        assertThat(bobPhone.awaitRequest("ACK").callId()).isEqualTo(call.callId());

        // on hold and back: a re-INVITE goes through the server along the recorded route
        String hold = alicePhone.inDialogText(call, "INVITE");
        SipMessage reInvite = bobPhone.awaitRequest("INVITE");
        assertThat(SipMessage.param(reInvite.header("To"), "tag")).isEqualTo("callee");
        assertThat(reInvite.body()).contains("a=sendonly");
        bobPhone.reply(reInvite, 200, "OK", null, null,
                "v=0\r\no=- 2 3 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\na=recvonly\r\n");
        SipMessage held = alicePhone.awaitFinal(call.callId(), "INVITE");
        assertThat(held.status()).isEqualTo(200);
        alicePhone.ack(hold, held);
        assertThat(bobPhone.awaitRequest("ACK").callId()).isEqualTo(call.callId());

        alicePhone.hangUp(call);
        SipMessage bye = bobPhone.awaitRequest("BYE");
        bobPhone.reply(bye, 200, "OK");
        assertThat(alicePhone.awaitFinal(call.callId(), "BYE").status()).isEqualTo(200);

        List<CallRecord> history = core().calls().history(acme.id(), alice.id(), 10);
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.caller()).isEqualTo("1001");
            assertThat(r.callerUserId()).isEqualTo(alice.id());
            assertThat(r.callerDeviceId()).isEqualTo(aliceDesk.id());
            assertThat(r.answeredDeviceId()).isEqualTo(bobDesk.id());
        });
        awaitOutcome(alice, CallOutcome.ANSWERED);
        assertThat(core().calls().history(acme.id(), bob.id(), 10)).hasSize(1);
    }

    @Test
    void aCallRingsTheUsersOwnPhoneAndTheirDeskAndTheOtherStopsWhenOneAnswers() {
        User alice = hd.user(acme, "1001", "1357");
        User bob = core().users().create(acme.id(), new NewUser("1002", "Bob", "2468", true, "bob-softphone-pw"),
                TestHotdesk.ADMIN);
        TestPhone alicePhone = seat(alice).phone();
        Seat bobSeat = seat(bob);
        TestPhone bobSoftphone = new TestPhone("127.0.0.1", server.port(), "1002", "bob-softphone-pw", acme.domain(), "softphone");
        phones.add(bobSoftphone);
        assertThat(bobSoftphone.register(300).status()).isEqualTo(200);

        answerNextInvite(bobSeat.phone());
        TestPhone.Call call = alicePhone.dial("1002");

        assertThat(call.status()).isEqualTo(200);
        SipMessage atSoftphone = bobSoftphone.awaitRequest("INVITE");
        assertThat(atSoftphone.header("P-Asserted-Identity")).contains("sip:1001@acme.example");
        // RFC 3261 §9.1: the proxy CANCELs a branch once it has rung
        bobSoftphone.reply(atSoftphone, 180, "Ringing", "soft", null, null);
        SipMessage cancel = bobSoftphone.awaitRequest("CANCEL");
        assertThat(cancel.callId()).isEqualTo(call.callId());
        bobSoftphone.reply(cancel, 200, "OK");
        bobSoftphone.reply(atSoftphone, 487, "Request Terminated", "soft", null, null);
        assertThat(core().calls().history(acme.id(), bob.id(), 1).get(0).answeredDeviceId()).isEqualTo(bobSeat.device().id());
    }

    @Test
    void aCallerWhoHangsUpWhileItRingsCancelsTheCalleeToo() {
        User alice = hd.user(acme, "1001", "1357");
        User bob = hd.user(acme, "1002", "2468");
        Seat aliceSeat = seat(alice);
        TestPhone alicePhone = aliceSeat.phone();
        TestPhone bobPhone = seat(bob).phone();
        Thread ringer = new Thread(() -> {
            SipMessage invite = bobPhone.awaitRequest("INVITE");
            bobPhone.reply(invite, 180, "Ringing", "callee", null, null);
            SipMessage cancel = bobPhone.awaitRequest("CANCEL");
            bobPhone.reply(cancel, 200, "OK");
            bobPhone.reply(invite, 487, "Request Terminated", "callee", null, null);
        });
        ringer.setDaemon(true);
        ringer.start();

        String invite = alicePhone.dialUntilRinging("1002");
        alicePhone.cancel(invite);

        String callId = SipMessage.parse(invite).callId();
        assertThat(alicePhone.await(m -> m.isResponse() && m.cseqMethod().equals("CANCEL"), Duration.ofSeconds(5), "200 to CANCEL")
                .status()).isEqualTo(200);
        assertThat(alicePhone.awaitFinal(callId, "INVITE").status()).isEqualTo(487);
        assertThat(core().calls().history(acme.id(), alice.id(), 1).get(0).outcome()).isEqualTo(CallOutcome.CANCELLED);
        assertThat(core().sessions().openSessionOf(aliceSeat.device().id())).isPresent();
    }

    @Test
    void aCallToSomeoneNotReachableGets480() {
        User alice = hd.user(acme, "1001", "1357");
        hd.user(acme, "1002", "2468");
        TestPhone alicePhone = seat(alice).phone();

        assertThat(alicePhone.dial("1002").status()).isEqualTo(480);
        assertThat(core().calls().history(acme.id(), alice.id(), 10).get(0).outcome()).isEqualTo(CallOutcome.NO_ANSWER);
    }

    @Test
    void anOutsideNumberGoesToTheTenantsTrunkWithTheUsersIdentity() {
        TestPhone trunk = gateway();
        acme = core().tenants().updateSettings(acme.id(),
                acme.settings().withRouting(new CallRouting(null, "sip:127.0.0.1:" + trunk.port())), TestHotdesk.ADMIN);
        TestPhone alicePhone = seat(hd.user(acme, "1001", "1357")).phone();
        answerNextInvite(trunk);

        TestPhone.Call call = alicePhone.dial("004930123456");

        assertThat(call.status()).isEqualTo(200);
        assertThat(received.get().requestUri()).startsWith("sip:004930123456@127.0.0.1:" + trunk.port());
        assertThat(received.get().header("P-Asserted-Identity")).isEqualTo("\"User 1001\" <sip:1001@acme.example>");
        assertThat(received.get().headerOpt("Proxy-Authorization")).as("credentials stay with this server").isEmpty();
    }

    @Test
    void aNumberWithNoRouteGets404() {
        TestPhone alicePhone = seat(hd.user(acme, "1001", "1357")).phone();

        assertThat(alicePhone.dial("004930123456").status()).isEqualTo(404);
    }

    @Test
    void anAdminsEditOfWhatADeskShowsResyncsThatDeskWithoutAReboot() {
        User alice = hd.user(acme, "1001", "1357");
        Seat seat = seat(alice);
        Device idleDevice = hd.device(acme);
        TestPhone idle = registeredDesk(idleDevice);

        core().users().setKeys(acme.id(), alice.id(), List.of(new FunctionKey(FunctionKey.Type.BLF, "1002", "Bob")),
                TestHotdesk.ADMIN);
        SipMessage keys = seat.phone().awaitRequest("NOTIFY");
        assertThat(keys.header("Event")).isEqualTo("check-sync;reboot=false");
        assertThat(keys.requestUri()).isEqualTo(seat.phone().contact());
        seat.phone().reply(keys, 200, "OK");
        // then a change the idle desk does show: its NOTIFY, arriving after anything sent before it, is its first
        core().devices().rename(acme.id(), idleDevice.id(), "Window seat", null, TestHotdesk.ADMIN);
        idle.reply(idle.awaitNew(m -> "NOTIFY".equals(m.method()), Duration.ofSeconds(5), "the rename's NOTIFY"), 200, "OK");
        assertThat(idle.arrivals().stream().filter("NOTIFY"::equals)).as("nobody's keys changed there").hasSize(1);

        core().devices().bulk(acme.id(), List.of(seat.device().id()), new BulkAction.SetSipDomain("voice.acme.example"),
                TestHotdesk.ADMIN);
        SipMessage domain = seat.phone().awaitRequest("NOTIFY");
        assertThat(domain.header("Event")).isEqualTo("check-sync;reboot=false");
        seat.phone().reply(domain, 200, "OK");
    }

    @Test
    void aCiscoMppDeskIsToldToResyncWithTheEventItsGuideNames() {
        User alice = hd.user(acme, "1001", "1357");
        Device cisco = core().devices().add(acme.id(), new NewDevice(MacAddress.parse("00562b043615"), "Reception",
                Vendor.CISCO, "CP-8841-3PCC", null, null), TestHotdesk.ADMIN);
        TestPhone desk = new TestPhone("127.0.0.1", server.port(), cisco.sipUsername(), cisco.sipPassword(),
                acme.domain(), "Cisco-CP-8841-3PCC/11.3.7 (00562b043615)");
        phones.add(desk);
        assertThat(desk.register(300).status()).isEqualTo(200);

        loginByAdmin(cisco, alice);

        SipMessage notify = desk.awaitRequest("NOTIFY");
        assertThat(notify.header("Event")).isEqualTo("resync");
        desk.reply(notify, 200, "OK");
    }

    @Test
    void anEditMadeFromTheCommandLineReachesThePhoneOnTheServersNextTick() {
        User alice = hd.user(acme, "1001", "1357");
        Seat seat = seat(alice);
        // the command line: another process on the same database, with no SIP stack of its own
        TestHotdesk commandLine = new TestHotdesk(db.database(), hd.clock());
        commandLine.core().users().setKeys(acme.id(), alice.id(),
                List.of(new FunctionKey(FunctionKey.Type.SPEED_DIAL, "004930123", "Office")), TestHotdesk.ADMIN);
        int notifiesBefore = (int) seat.phone().arrivals().stream().filter("NOTIFY"::equals).count();

        assertThat(core().configChanges().announcePending(100)).isEqualTo(1);   // what the server's timer loop does

        SipMessage notify = seat.phone().awaitNew(m -> "NOTIFY".equals(m.method()), Duration.ofSeconds(5), "the tick's NOTIFY");
        assertThat(notify.header("Event")).isEqualTo("check-sync;reboot=false");
        seat.phone().reply(notify, 200, "OK");
        assertThat(seat.phone().arrivals().stream().filter("NOTIFY"::equals)).as("none before the tick")
                .hasSize(notifiesBefore + 1);
        assertThat(core().configChanges().announcePending(100)).as("announced once").isZero();
    }

    @Test
    void noNotifyGoesToAnUnregisteredDesk() {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        TestPhone desk = registeredDesk(device);
        desk.register(0);

        loginByAdmin(device, alice);

        // registered again, the desk is told of the next change; that NOTIFY is the first it ever gets
        assertThat(desk.register(300).status()).isEqualTo(200);
        core().devices().rename(acme.id(), device.id(), "Window seat", null, TestHotdesk.ADMIN);
        desk.reply(desk.awaitNew(m -> "NOTIFY".equals(m.method()), Duration.ofSeconds(5), "the rename's NOTIFY"), 200, "OK");
        assertThat(desk.arrivals().stream().filter("NOTIFY"::equals)).as("none while it was not registered").hasSize(1);
    }

    final AtomicReference<SipMessage> received = new AtomicReference<>();

    /** A registered desk phone with someone logged in on it. */
    record Seat(Device device, TestPhone phone) {
    }

    /** Registers a desk, logs the user in by the admin, and answers the re-sync NOTIFY that follows. */
    private Seat seat(User user) {
        Device device = hd.device(acme);
        TestPhone phone = registeredDesk(device);
        loginByAdmin(device, user);
        phone.reply(phone.awaitRequest("NOTIFY"), 200, "OK");
        return new Seat(device, phone);
    }

    /** The phone rings and answers the next INVITE it gets, in the background; the INVITE lands in {@link #received}. */
    private void answerNextInvite(TestPhone phone) {
        Thread answerer = new Thread(() -> {
            SipMessage ringing = phone.awaitRequest("INVITE");
            received.set(ringing);
            phone.reply(ringing, 180, "Ringing", "callee", null, null);
            phone.reply(ringing, 200, "OK", "callee", null,
                    "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\n");
        });
        answerer.setDaemon(true);
        answerer.start();
    }

    private void awaitOutcome(User user, CallOutcome outcome) {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            if (outcome == core().calls().history(acme.id(), user.id(), 1).get(0).outcome()) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(core().calls().history(acme.id(), user.id(), 1).get(0).outcome()).isEqualTo(outcome);
    }
}
