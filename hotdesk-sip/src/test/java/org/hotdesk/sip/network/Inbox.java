package org.hotdesk.sip.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a test's SipNetwork received, in order, with the thread each frame came on. */
final class Inbox implements FrameReceiver {
    record Received(Frame frame, String thread) {
        String text() {
            return new String(frame.bytes(), StandardCharsets.US_ASCII);
        }
    }

    private final BlockingQueue<Received> frames = new LinkedBlockingQueue<>();

    @Override
    public void receive(Frame frame) {
        frames.add(new Received(frame, Thread.currentThread().getName()));
    }

    Received next() throws InterruptedException {
        Received received = frames.poll(5, TimeUnit.SECONDS);
        assertThat(received).as("a frame within 5 s").isNotNull();
        return received;
    }

    /** Waits a little for a frame that should not come. */
    void assertNothingMore() throws InterruptedException {
        assertThat(frames.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
}
