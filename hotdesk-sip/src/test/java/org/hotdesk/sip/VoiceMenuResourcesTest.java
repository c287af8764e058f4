package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.SourceLimits;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.sip.testing.TestRtp;
import org.junit.jupiter.api.Test;

/** 200 voice-menu calls that end every way leave no RTP socket and no RTP thread behind. */
class VoiceMenuResourcesTest extends SipTestBase {
    enum Ending { CALLER_HANGS_UP_MID_PROMPT, SILENCE_TIMES_OUT, LOGS_IN, THREE_WRONG_PINS }

    /** 120 wrong PINs from one address within a minute is an attack by the default limits; here it is load. */
    @Override
    SourceLimits sourceLimits() {
        return new SourceLimits(100_000, 60, 15);
    }

    @Override
    MediaConfig mediaConfig() {
        return new MediaConfig(21000, 21999, 1, 60, "en");
    }

    @Test
    void twoHundredCallsEndingEveryWayLeaveNothingOpen() throws Exception {
        long socketsBefore = openSockets();
        List<Ending> endings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            endings.add(i < 80 ? Ending.CALLER_HANGS_UP_MID_PROMPT : Ending.values()[1 + i % 3]);
        }
        List<Device> desks = new ArrayList<>();
        for (int i = 0; i < endings.size(); i++) {
            hd.user(acme, String.valueOf(2000 + i), "1357");
            desks.add(hd.device(acme));
        }

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < endings.size(); i++) {
            int n = i;
            results.add(pool.submit(() -> call(desks.get(n), String.valueOf(2000 + n), endings.get(n))));
        }
        for (Future<Boolean> r : results) {
            assertThat(r.get()).isTrue();
        }
        pool.shutdown();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((rtpThreads() > 0 || openSockets() > socketsBefore + 5) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(rtpThreads()).as("RTP receiver threads left").isZero();
        assertThat(openSockets()).as("sockets open after the calls (before: " + socketsBefore + ")")
                .isLessThanOrEqualTo(socketsBefore + 5);
        assertThat(core().sessions().listOpen(acme.id())).hasSize((int) endings.stream().filter(e -> e == Ending.LOGS_IN).count());
    }

    private boolean call(Device desk, String extension, Ending ending) throws Exception {
        TestPhone phone = deskPhone(desk);
        try (TestRtp rtp = new TestRtp()) {
            TestPhone.Call call = phone.dial("*77*" + extension + "*", rtp.offer(true));
            if (call.status() != 200) return false;
            phone.ack(call.inviteText(), call.finalResponse());
            rtp.answeredBy(call.finalResponse().body());
            rtp.awaitFirstPacket(Duration.ofSeconds(10));
            switch (ending) {
                case CALLER_HANGS_UP_MID_PROMPT -> {
                    phone.hangUp(call);
                    return phone.awaitFinal(call.callId(), "BYE").status() == 200;
                }
                case SILENCE_TIMES_OUT -> {
                }
                case LOGS_IN -> rtp.press("1357#");
                case THREE_WRONG_PINS -> {
                    for (int i = 0; i < 3; i++) {
                        rtp.press("0000#");
                        Thread.sleep(300);
                    }
                }
            }
            SipMessage bye = phone.awaitRequest("BYE", Duration.ofSeconds(40));
            phone.reply(bye, 200, "OK");
            return true;
        } finally {
            phone.close();
        }
    }

    private static long rtpThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("rtp-in-")).count();
    }

    private static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
