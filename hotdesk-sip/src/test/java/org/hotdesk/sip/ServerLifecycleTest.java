package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.hotdesk.core.device.Device;
import org.hotdesk.core.event.ConfigChanged;
import org.junit.jupiter.api.Test;

/** Starting and stopping the server, as a restart or a quick `serve` then Ctrl-C does. */
class ServerLifecycleTest extends SipTestBase {

    @Test
    void aServerStoppedTheMomentItStartedStopsCleanlyAndFreesItsPort() {
        for (int i = 0; i < 8; i++) {
            SipServer quick = SipServer.start(sipConfig(), mediaConfig(), sourceLimits(), sipTls(), hd.core(), hd.clock());
            assertThatCode(quick::close).as("stop %d", i).doesNotThrowAnyException();
        }
        int port = server.port();
        server.close();
        server = SipServer.start(sipConfig().withPort(port), mediaConfig(), sourceLimits(), sipTls(), hd.core(), hd.clock());

        assertThat(registeredDesk(hd.device(acme)).port()).isPositive();
    }

    @Test
    void aStoppedServerNoLongerReactsToTheCoresEvents() {
        Device desk = hd.device(acme);
        assertThat(core().events().publish(new ConfigChanged(desk, "test"))).as("while running").isTrue();

        server.close();

        assertThat(core().events().publish(new ConfigChanged(desk, "test"))).as("after stop").isFalse();
    }
}
