package org.hotdesk.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.network.NetworkConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's transactions seen from a phone's UDP socket: retransmissions absorbed, failed INVITEs repeated until
 * ACKed, requests this server sends repeated until answered, methods nobody handles refused (RFC 3261 §8.2.1, §17).
 * Timers are shortened (T1 = 50 ms) so a test waits for them in a fraction of a second.
 */
class SipStackTest {
    private static final SipTimers FAST = new SipTimers(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(500));

    private SipStack stack;
    private DatagramSocket phone;

    @BeforeEach
    void start() throws IOException {
        stack = SipStack.start(new StackConfig(new NetworkConfig("127.0.0.1", 0, true, true, 0, null, 16384, 1),
                "127.0.0.1", 4, 100, FAST, uri -> Optional.empty()));
        phone = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        phone.setSoTimeout(2000);
    }

    @AfterEach
    void stop() {
        phone.close();
        stack.close();
    }

    @Test
    void aRetransmittedRequestIsAnsweredAgainWithoutReachingTheHandlerTwice() throws IOException {
        AtomicInteger handled = new AtomicInteger();
        stack.handle("OPTIONS", r -> {
            handled.incrementAndGet();
            r.reply(200, null);
        });
        String options = request("OPTIONS", "z9hG4bK-opt1", 1);
        send(options);
        assertThat(receive()).startsWith("SIP/2.0 200");
        send(options);
        assertThat(receive()).startsWith("SIP/2.0 200");
        assertThat(handled).hasValue(1);
    }

    @Test
    void aFailedInviteIsRepeatedUntilItsAckComes() throws IOException {
        stack.handle("INVITE", r -> r.reply(486, null));
        send(request("INVITE", "z9hG4bK-inv1", 1));
        assertThat(receive()).startsWith("SIP/2.0 486");
        // Timer G: repeated after T1 and again after 2×T1 while no ACK comes
        assertThat(receive()).startsWith("SIP/2.0 486");
        assertThat(receive()).startsWith("SIP/2.0 486");
        send(request("ACK", "z9hG4bK-inv1", 1).replace("To: <sip:100@127.0.0.1>", "To: <sip:100@127.0.0.1>;tag=x"));
        drain(Duration.ofMillis(150));
        assertThat(receiveWithin(Duration.ofMillis(400))).as("no repeat after the ACK").isNull();
    }

    @Test
    void ourOwn200IsRepeatedUntilTheDialogsAckComes() throws IOException, InterruptedException {
        List<ServerTransaction> answered = new CopyOnWriteArrayList<>();
        CountDownLatch acked = new CountDownLatch(1);
        stack.handle("INVITE", r -> {
            SipResponse ok = LocalResponse.to(r.request(), 200, null);
            answered.add(r.transaction());
            r.transaction().respondUntilAcknowledged(ok, () -> { });
        });
        stack.handle("ACK", r -> {
            answered.get(0).acknowledged();
            acked.countDown();
        });
        send(request("INVITE", "z9hG4bK-own1", 1));
        String first = receive();
        assertThat(first).startsWith("SIP/2.0 200");
        // RFC 3261 §13.3.1.4: repeated after T1, then 2×T1, while no ACK comes
        assertThat(receive()).isEqualTo(first);
        assertThat(receive()).isEqualTo(first);
        // the ACK for a 2xx is a new transaction (its own branch)
        send(request("ACK", "z9hG4bK-own1-ack", 1).replace("To: <sip:100@127.0.0.1>", "To: " + header(first, "To")));
        assertThat(acked.await(2, TimeUnit.SECONDS)).as("the ACK reached its handler").isTrue();
        drain(Duration.ofMillis(150));
        assertThat(receiveWithin(Duration.ofMillis(900))).as("no repeat after the ACK (T2 = 400 ms)").isNull();
    }

    @Test
    void withoutAnAckTheAnswererIsToldAfter64T1() throws IOException, InterruptedException {
        CountDownLatch gaveUp = new CountDownLatch(1);
        stack.handle("INVITE", r -> r.transaction().respondUntilAcknowledged(LocalResponse.to(r.request(), 200, null), gaveUp::countDown));
        send(request("INVITE", "z9hG4bK-own2", 1));
        assertThat(receive()).startsWith("SIP/2.0 200");
        assertThat(gaveUp.getCount()).as("not before 64×T1").isEqualTo(1);
        // 64×T1 = 3.2 s
        assertThat(gaveUp.await(6, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void methodsWithoutAHandlerAreRefusedWithWhatIsAllowed() throws IOException {
        stack.handle("OPTIONS", r -> r.reply(200, null));
        stack.handle("REGISTER", r -> r.reply(200, null));
        send(request("SUBSCRIBE", "z9hG4bK-sub1", 1));
        String answer = receive();
        assertThat(answer).startsWith("SIP/2.0 405").contains("Allow: OPTIONS, REGISTER");
        send(request("FROBNICATE", "z9hG4bK-frob1", 1));
        assertThat(receive()).startsWith("SIP/2.0 501");
    }

    @Test
    void aMalformedRequestIsRefusedNamingWhatIsWrong() throws IOException {
        send(request("OPTIONS", "z9hG4bK-bad1", 1).replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"));
        assertThat(receive()).startsWith("SIP/2.0 400");
    }

    @Test
    void aRequestThisServerSendsIsRepeatedUntilAnsweredAndItsAnswerDelivered() throws IOException, InterruptedException {
        List<Integer> heard = new CopyOnWriteArrayList<>();
        CountDownLatch answered = new CountDownLatch(1);
        stack.send(notifyToPhone("notify-1"), new ResponseListener() {
            public void onResponse(ClientTransaction t, SipResponse r) {
                heard.add(r.status());
                answered.countDown();
            }

            public void onTimeout(ClientTransaction t) {
                heard.add(-1);
            }
        });
        String first = receive();
        String second = receive();
        assertThat(first).startsWith("NOTIFY ");
        assertThat(second).as("Timer E repeat").isEqualTo(first);
        String via = header(first, "Via");
        send("SIP/2.0 200 OK\r\nVia: " + via + "\r\nFrom: <sip:hotdesk@example.com>;tag=a\r\n"
                + "To: <sip:phone@example.com>;tag=b\r\nCall-ID: notify-1\r\nCSeq: 1 NOTIFY\r\nContent-Length: 0\r\n\r\n");
        assertThat(answered.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(heard).containsExactly(200);
    }

    @Test
    void aRequestNobodyAnswersTimesOut() throws InterruptedException {
        CountDownLatch timedOut = new CountDownLatch(1);
        stack.send(notifyToPhone("notify-2"), new ResponseListener() {
            public void onResponse(ClientTransaction t, SipResponse r) {
            }

            public void onTimeout(ClientTransaction t) {
                timedOut.countDown();
            }
        });
        // Timer F: 64×T1 = 3.2 s
        assertThat(timedOut.await(6, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aResponseWhoseViaIsNotOursIsDropped() throws IOException {
        List<SipResponse> strays = new CopyOnWriteArrayList<>();
        stack.onStrayResponse(strays::add);
        stack.handle("OPTIONS", r -> r.reply(200, null));
        send("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-else\r\nFrom: <sip:a@b>;tag=1\r\n"
                + "To: <sip:c@d>;tag=2\r\nCall-ID: stray-1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n");
        String ours = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:" + stack.port() + ";branch=z9hG4bK-gone\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bK-up\r\nFrom: <sip:a@b>;tag=1\r\n"
                + "To: <sip:c@d>;tag=2\r\nCall-ID: stray-1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        send(ours);
        // a request on the same Call-ID is handled after both responses: the lane has processed them
        send(request("OPTIONS", "z9hG4bK-after", 2).replace("Call-ID: test-call", "Call-ID: stray-1"));
        assertThat(receive()).startsWith("SIP/2.0 200");
        assertThat(strays).extracting(r -> r.topVia().branch()).containsExactly("z9hG4bK-gone");
    }

    /** A NOTIFY from this server to the test's phone socket. */
    private SipRequest notifyToPhone(String callId) {
        SipRequest notify = SipRequest.create("NOTIFY", SipUri.sip("phone", "127.0.0.1", phone.getLocalPort()));
        notify.addLast("Via", stack.own().via("udp").toString());
        notify.addLast("Max-Forwards", "70");
        notify.addLast("From", "<sip:hotdesk@example.com>;tag=a");
        notify.addLast("To", "<sip:phone@example.com>");
        notify.addLast("Call-ID", callId);
        notify.addLast("CSeq", "1 NOTIFY");
        return notify;
    }

    private String request(String method, String branch, int cseq) {
        return method + " sip:100@127.0.0.1:" + stack.port() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:100@127.0.0.1>;tag=f1\r\n"
                + "To: <sip:100@127.0.0.1>\r\n"
                + "Call-ID: test-call\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        phone.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", stack.port())));
    }

    private String receive() throws IOException {
        String s = receiveWithin(Duration.ofSeconds(2));
        assertThat(s).as("an answer within 2 s").isNotNull();
        return s;
    }

    private String receiveWithin(Duration limit) throws IOException {
        byte[] buf = new byte[8192];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        phone.setSoTimeout((int) limit.toMillis());
        try {
            phone.receive(p);
            return new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private void drain(Duration d) throws IOException {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            if (receiveWithin(Duration.ofMillis(Math.max(1, (end - System.nanoTime()) / 1_000_000))) == null) return;
        }
    }

    private static String header(String message, String name) {
        List<String> lines = new ArrayList<>(List.of(message.split("\r\n")));
        return lines.stream().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow().substring(name.length() + 1).trim();
    }
}
