package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Busy-lamp-field keys (RFC 4235 dialog event package) and directed call pickup, over real SIP: a desk watches a
 * colleague's extension and its lamp follows the colleague's calls at whatever desk they sit.
 */
class BusyLampsAndPickupTest extends SipTestBase {
    static final Duration WAIT = Duration.ofSeconds(10);

    User alice;
    User bob;
    User carol;
    Device aliceDesk;
    Device bobDesk;
    Device carolDesk;

    @BeforeEach
    void people() {
        alice = hd.user(acme, "1001", "2468");
        bob = hd.user(acme, "1002", "1357");
        carol = hd.user(acme, "1003", "9753");
        aliceDesk = hd.device(acme);
        bobDesk = hd.device(acme);
        carolDesk = hd.device(acme);
    }

    @Test
    void aLampShowsAColleaguesCallRingingAnsweredAndEndedAtWhateverDeskTheySit() {
        TestPhone watcher = seated(carolDesk, carol);
        TestPhone caller = seated(aliceDesk, alice);
        TestPhone bobAtDesk = seated(bobDesk, bob);
        SipMessage ok = subscribe(watcher, carolDesk, "1002", acme);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Expires")).isNotBlank();
        SipMessage first = lamp(watcher);
        assertThat(first.header("Content-Type")).isEqualTo("application/dialog-info+xml");
        assertThat(first.body()).contains("entity=\"sip:1002@acme.example\"").doesNotContain("<dialog ");

        ringAnswerHangUp(caller, bobAtDesk, watcher);

        // bob moves to another desk: the lamp follows him there
        Device other = hd.device(acme);
        TestPhone bobElsewhere = seated(other, bob);
        ringAnswerHangUp(caller, bobElsewhere, watcher);
    }

    private void ringAnswerHangUp(TestPhone caller, TestPhone callee, TestPhone watcher) {
        AtomicReference<SipMessage> ringing = rings(callee);
        String invite = caller.dialUntilRinging("1002");
        String callId = SipMessage.parse(invite).callId();
        assertThat(lamp(watcher).body()).contains("<state>early</state>").contains("direction=\"recipient\"")
                .contains("sip:1001@acme.example");
        SipMessage atCallee = ringing.get();
        callee.reply(atCallee, 200, "OK", "bob", null,
                "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\n");
        SipMessage answer = caller.awaitFinal(callId, "INVITE");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(lamp(watcher).body()).contains("<state>confirmed</state>");
        caller.ack(invite, answer);
        TestPhone.Call call = new TestPhone.Call(callId, SipMessage.param(SipMessage.parse(invite).header("From"), "tag"),
                invite, "1002", answer);
        caller.hangUp(call);
        SipMessage bye = callee.awaitRequest("BYE");
        callee.reply(bye, 200, "OK");
        assertThat(lamp(watcher).body()).contains("<state>terminated</state>");
    }

    @Test
    void aDeskOfAnotherCompanyMayNotWatchAnExtensionHereAndUnknownExtensionsAreNotFound() {
        Tenant globex = hd.tenant("globex.example");
        Device theirs = hd.device(globex);
        TestPhone theirPhone = new TestPhone("127.0.0.1", server.port(), theirs.sipUsername(), theirs.sipPassword(),
                globex.domain(), "Yealink SIP-T54W");
        phones.add(theirPhone);
        assertThat(theirPhone.register(300).status()).isEqualTo(200);

        assertThat(subscribeTo(theirPhone, theirs, "1002", globex, acme.domain()).status()).isEqualTo(403);

        TestPhone watcher = seated(carolDesk, carol);
        assertThat(subscribe(watcher, carolDesk, "1999", acme).status()).isEqualTo(404);
    }

    @Test
    void pickupAnswersAColleaguesRingingCallAtThisDesk() {
        TestPhone caller = seated(aliceDesk, alice);
        TestPhone bobAtDesk = seated(bobDesk, bob);
        TestPhone picker = seated(carolDesk, carol);
        AtomicReference<SipMessage> atBob = rings(bobAtDesk);
        String invite = caller.dialUntilRinging("1002");
        String callId = SipMessage.parse(invite).callId();
        SipMessage ringing = atBob.get();

        TestPhone.Call pickup = picker.dial("*81002",
                "v=0\r\no=- 7 7 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 41234 RTP/AVP 0 8\r\n");

        assertThat(pickup.status()).isEqualTo(200);
        assertThat(pickup.finalResponse().body()).as("the caller's media").contains("m=audio 40000 RTP/AVP 0");
        SipMessage answered = caller.awaitFinal(callId, "INVITE");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).as("the picker's media, cut to what the caller offered").contains("m=audio 41234 RTP/AVP 0\r\n");
        SipMessage cancel = bobAtDesk.awaitRequest("CANCEL");
        bobAtDesk.reply(cancel, 200, "OK");
        bobAtDesk.reply(ringing, 487, "Request Terminated", "bob", null, null);
        caller.ack(invite, answered);
        picker.ack(pickup.inviteText(), pickup.finalResponse());

        picker.hangUp(pickup);
        assertThat(picker.awaitFinal(pickup.callId(), "BYE").status()).isEqualTo(200);
        SipMessage bye = caller.awaitRequest("BYE");
        assertThat(bye.callId()).isEqualTo(callId);
        caller.reply(bye, 200, "OK");

        assertThat(picker.dial("*81002").status()).as("nothing rings at 1002 any more").isEqualTo(404);
    }

    /** The phone answers the next INVITE with 180 Ringing; the INVITE, once it came. */
    private static AtomicReference<SipMessage> rings(TestPhone phone) {
        AtomicReference<SipMessage> received = new AtomicReference<>();
        Thread t = new Thread(() -> {
            SipMessage invite = phone.awaitRequest("INVITE");
            received.set(invite);
            phone.reply(invite, 180, "Ringing", "bob", null, null);
        });
        t.setDaemon(true);
        t.start();
        return received;
    }

    /** The next dialog NOTIFY, answered 200 (the next is sent only once this one is answered). */
    private static SipMessage lamp(TestPhone phone) {
        SipMessage notify = phone.await(m -> "NOTIFY".equals(m.method()) && String.valueOf(m.header("Event")).startsWith("dialog"),
                WAIT, "a dialog NOTIFY");
        phone.reply(notify, 200, "OK");
        return notify;
    }

    private SipMessage subscribe(TestPhone phone, Device desk, String extension, Tenant tenant) {
        return subscribeTo(phone, desk, extension, tenant, tenant.domain());
    }

    private SipMessage subscribeTo(TestPhone phone, Device desk, String extension, Tenant tenant, String targetDomain) {
        String callId = UUID.randomUUID() + "@127.0.0.1";
        String tag = TestPhone.tag();
        SipMessage answer = phone.exchange(text(phone, desk, extension, tenant, targetDomain, callId, tag, 1, null));
        if (answer.status() != 407) return answer;
        String credentials = phone.authorization("SUBSCRIBE", "sip:" + extension + "@" + targetDomain, answer,
                "Proxy-Authenticate", desk.sipPassword());
        return phone.exchange(text(phone, desk, extension, tenant, targetDomain, callId, tag, 2, credentials));
    }

    private static String text(TestPhone phone, Device desk, String extension, Tenant tenant, String targetDomain,
                               String callId, String tag, int cseq, String credentials) {
        return "SUBSCRIBE sip:" + extension + "@" + targetDomain + " SIP/2.0\r\n"
                + "Via: " + phone.via(TestPhone.branch()) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + desk.sipUsername() + "@" + tenant.domain() + ">;tag=" + tag + "\r\n"
                + "To: <sip:" + extension + "@" + targetDomain + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " SUBSCRIBE\r\n"
                + "Contact: <" + phone.contact() + ">\r\n"
                + "Event: dialog\r\n"
                + "Accept: application/dialog-info+xml\r\n"
                + "Expires: 1800\r\n"
                + (credentials == null ? "" : "Proxy-Authorization: " + credentials + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }
}
