package org.hotdesk.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfEventsTest {
    final DtmfEvents events = new DtmfEvents();
    final List<Character> pressed = new ArrayList<>();

    void packet(long timestamp, int event, boolean end) {
        byte[] p = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), 0, (byte) 160};
        events.accept(timestamp, p, 0, 4).ifPresent(pressed::add);
    }

    /** A start, updates while held, and the end packet sent three times. */
    void press(long timestamp, int event) {
        packet(timestamp, event, false);
        packet(timestamp, event, false);
        packet(timestamp, event, true);
        packet(timestamp, event, true);
        packet(timestamp, event, true);
    }

    @Test
    void eachPressCountsOnceWhateverTheRetransmissions() {
        press(1000, 1);
        press(2600, 3);
        press(4200, 11);
        assertThat(pressed).containsExactly('1', '3', '#');
    }

    @Test
    void theSameKeyTwiceAtOneTimestampIsTwoPressesAsReplayedPcapsSendIt() {
        press(13280, 5);
        press(13280, 5);
        press(13280, 7);
        assertThat(pressed).containsExactly('5', '5', '7');
    }

    @Test
    void aPressWhoseStartWasLostStillCountsOnce() {
        packet(8000, 9, true);
        packet(8000, 9, true);
        assertThat(pressed).containsExactly('9');
    }

    @Test
    void otherEventsAndShortPayloadsAreIgnored() {
        packet(100, 16, false);
        events.accept(200, new byte[] {1, 0}, 0, 2).ifPresent(pressed::add);
        assertThat(pressed).isEmpty();
    }
}
