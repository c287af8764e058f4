package org.hotdesk.sip.network;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that carried nothing either way for a while. Phones refresh their registration and send
 * keep-alives (RFC 5626 §4.4.1) far more often than an hour, so a connection silent that long is dead or
 * abandoned, and would otherwise hold a socket and a table entry for ever.
 */
final class CloseWhenIdle extends IdleStateHandler {
    static final Duration IDLE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(CloseWhenIdle.class);

    CloseWhenIdle(Duration idle) {
        super(0, 0, idle.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        log.debug("connection {} idle: closing it", ctx.channel().remoteAddress());
        ctx.close();
    }
}
