package org.hotdesk.sip.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotdesk.sip.network.Messages.bytes;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The framing rules of RFC 3261 §18.3 on a stream, byte by byte, without sockets. */
class StreamFramerTest {
    final EmbeddedChannel channel = new EmbeddedChannel(new StreamFramer(1024, "tcp"));

    void feed(String text) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(text)));
    }

    String nextFrame() {
        byte[] frame = channel.readInbound();
        return frame == null ? null : new String(frame, StandardCharsets.US_ASCII);
    }

    @Test
    void headerNamesAreCaseInsensitiveAndMayHaveBlanksBeforeTheColon() {
        String message = "INVITE sip:a@b SIP/2.0\r\nCONTENT-length \t:\t 3 \r\n\r\nabc";
        feed(message + message.replace("CONTENT-length", "L"));
        assertThat(nextFrame()).isEqualTo(message);
        assertThat(nextFrame()).isEqualTo(message.replace("CONTENT-length", "L"));
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void otherHeadersThatLookAlikeAreNotContentLength() {
        String message = "INVITE sip:l:1@b SIP/2.0\r\nContent-Lengthy: 9\r\nX-l: 9\r\nVia: a;l:9\r\nl: 0\r\n\r\n";
        feed(message);
        assertThat(nextFrame()).isEqualTo(message);
    }

    @Test
    void aMessageFedByteByByteIsOneFrame() {
        String message = "MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 4\r\n\r\nbody";
        for (char c : message.toCharArray()) feed(String.valueOf(c));
        assertThat(nextFrame()).isEqualTo(message);
        assertThat(nextFrame()).isNull();
    }

    @Test
    void crlfBetweenMessagesIsSkippedAndOnlyADoubleOneIsAnswered() {
        feed("\r\n");
        assertThat((ByteBuf) channel.readOutbound()).as("a single CRLF is a pong, not a ping").isNull();
        feed("\r\n\r");
        feed("\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n");
        ByteBuf pong = channel.readOutbound();
        assertThat(pong.toString(StandardCharsets.US_ASCII)).isEqualTo("\r\n");
        pong.release();
        assertThat(nextFrame()).isEqualTo("SIP/2.0 200 OK\r\nl: 0\r\n\r\n");
    }

    @Test
    void severalContentLengthsCloseTheStream() {
        feed("INVITE sip:a@b SIP/2.0\r\nContent-Length: 0\r\nl: 5\r\n\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(nextFrame()).isNull();
    }

    @Test
    void aContentLengthThatIsNotANumberClosesTheStream() {
        feed("INVITE sip:a@b SIP/2.0\r\nContent-Length: 12x\r\n\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aHugeContentLengthClosesTheStreamAtOnce() {
        feed("INVITE sip:a@b SIP/2.0\r\nContent-Length: 999999999\r\n\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aFoldedHeaderAboveDoesNotHideContentLength() {
        String message = "INVITE sip:a@b SIP/2.0\r\nSubject: one\r\n  l: 7\r\nContent-Length: 2\r\n\r\nok";
        feed(message);
        assertThat(nextFrame()).isEqualTo(message);
    }
}
