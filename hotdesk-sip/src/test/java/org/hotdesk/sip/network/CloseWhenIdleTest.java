package org.hotdesk.sip.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CloseWhenIdleTest {
    @Test
    void aConnectionSilentForTheIdleTimeIsClosedAndTrafficKeepsItOpen() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(new CloseWhenIdle(Duration.ofMillis(200)));
        for (int i = 0; i < 4; i++) {
            Thread.sleep(100);
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));
            channel.runPendingTasks();
            assertThat(channel.isOpen()).as("traffic every 100 ms").isTrue();
        }
        channel.releaseInbound();

        Thread.sleep(300);
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(CloseWhenIdle.IDLE).isEqualTo(Duration.ofHours(1));
    }
}
