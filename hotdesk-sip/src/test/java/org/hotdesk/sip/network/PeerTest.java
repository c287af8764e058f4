package org.hotdesk.sip.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeerTest {
    @Test
    void oneAddressWrittenTwoWaysIsOnePeer() {
        assertThat(new Peer("::1", 5060, "TCP")).isEqualTo(new Peer("[0:0:0:0:0:0:0:1]", 5060, "tcp"));
        assertThat(new Peer("127.0.0.1", 5060, "udp").address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void namesAndUnknownTransportsAreRefused() {
        assertThatThrownBy(() -> new Peer("pbx.example", 5060, "udp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Peer("127.0.0.1", 5060, "sctp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Peer("127.0.0.1", 0, "udp")).isInstanceOf(IllegalArgumentException.class);
    }
}
