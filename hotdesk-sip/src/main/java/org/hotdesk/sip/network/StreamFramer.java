package org.hotdesk.sip.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a TCP/TLS byte stream into SIP messages (byte[]): the header block up to the first CRLFCRLF, then as many
 * body bytes as Content-Length says (RFC 3261 §18.3). Between messages, CRs and LFs are skipped, and a CRLFCRLF
 * "ping" is answered with a CRLF "pong" (RFC 5626 §3.5.1, §4.4.1). A stream that cannot be framed any more (bad or
 * several Content-Length, a message beyond maxMessageBytes) is closed: every later byte would be misread.
 *
 * <p>A message with no Content-Length at all is what an RFC 2543 client sends (RFC 4475 §3.4.1 counts it valid):
 * its header block is taken as the whole message, so it is answered, and then the connection is closed, because
 * where its body ends nobody can tell.
 */
final class StreamFramer extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(StreamFramer.class);
    private static final byte[] PING = {'\r', '\n', '\r', '\n'};
    private static final byte[] PONG = {'\r', '\n'};

    private final int maxMessageBytes;
    private final String transport;
    /** How much of a CRLFCRLF ping the bytes between messages have matched, across reads. */
    private int pingMatched;
    /** Bytes of the current message already searched for the end of its headers, so a slow message is not rescanned. */
    private int searched;
    /** Length of the current message once its headers are read; -1 before. */
    private int messageLength = -1;
    private boolean broken;
    /** An RFC 2543 sender's message is answered before its connection closes; this long is left for the answer. */
    private static final long ANSWER_GRACE_MILLIS = 2000;

    StreamFramer(int maxMessageBytes, String transport) {
        this.maxMessageBytes = maxMessageBytes;
        this.transport = transport;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (messageLength < 0 && searched == 0 && !skipKeepAlives(ctx, in)) {
            return;
        }
        if (messageLength < 0 && !readHeaders(ctx, in, out)) {
            return;
        }
        if (in.readableBytes() < messageLength) {
            return; // the rest of the body is still on its way; ByteToMessageDecoder keeps what came so far
        }
        byte[] message = new byte[messageLength];
        in.readBytes(message);
        out.add(message);
        messageLength = -1;
        searched = 0;
    }

    /** Skips CRs and LFs before a message, answering each CRLFCRLF; false if nothing else has come yet. */
    private boolean skipKeepAlives(ChannelHandlerContext ctx, ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.getByte(in.readerIndex());
            if (b != '\r' && b != '\n') {
                pingMatched = 0;
                return true;
            }
            in.skipBytes(1);
            pingMatched = b == PING[pingMatched] ? pingMatched + 1 : b == '\r' ? 1 : 0;
            if (pingMatched == PING.length) {
                pingMatched = 0;
                log.debug("keep-alive ping from {} {}: pong", transport, ctx.channel().remoteAddress());
                ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            }
        }
        return false;
    }

    /** Finds the end of the header block and the message length; false if more bytes are needed or it failed. */
    private boolean readHeaders(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int available = Math.min(in.readableBytes(), maxMessageBytes);
        int headersEnd = endOfHeaders(in, start + Math.max(0, searched - 3), start + available);
        if (headersEnd < 0) {
            searched = available;
            if (in.readableBytes() >= maxMessageBytes) unframeable(ctx, in, "headers longer than " + maxMessageBytes + " bytes");
            return false;
        }
        ContentLength length = ContentLength.in(in, start, headersEnd);
        if (length.missing()) {
            byte[] headers = new byte[headersEnd - start];
            in.readBytes(headers);
            out.add(headers);
            log.debug("{} message from {} without Content-Length: answered, then the connection closes", transport,
                    ctx.channel().remoteAddress());
            broken = true;
            in.skipBytes(in.readableBytes());
            searched = 0;
            ctx.executor().schedule(() -> { ctx.close(); }, ANSWER_GRACE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            return false;
        }
        if (!length.valid()) {
            unframeable(ctx, in, length.problem());
            return false;
        }
        long total = (long) (headersEnd - start) + length.value();
        if (total > maxMessageBytes) {
            unframeable(ctx, in, "message of " + total + " bytes, more than " + maxMessageBytes);
            return false;
        }
        messageLength = (int) total;
        return true;
    }

    /** Index just past the first CRLFCRLF in [from, to), or -1. */
    private static int endOfHeaders(ByteBuf in, int from, int to) {
        for (int lf = from; lf < to; lf++) {
            lf = in.indexOf(lf, to, (byte) '\n');
            if (lf < 0) return -1;
            if (lf - 3 >= in.readerIndex() && in.getByte(lf - 1) == '\r' && in.getByte(lf - 2) == '\n'
                    && in.getByte(lf - 3) == '\r') {
                return lf + 1;
            }
        }
        return -1;
    }

    private void unframeable(ChannelHandlerContext ctx, ByteBuf in, String why) {
        log.debug("{} stream from {} cannot be framed ({}): closing it", transport, ctx.channel().remoteAddress(), why);
        broken = true;
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
