package org.hotdesk.sip.network;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the outcome of one Netty write into the CompletableFuture the stack waits on, logging a failure at DEBUG. */
final class SendResult implements ChannelFutureListener {
    private static final Logger log = LoggerFactory.getLogger(SendResult.class);

    private final Peer to;
    private final CompletableFuture<Void> result = new CompletableFuture<>();

    SendResult(Peer to) {
        this.to = to;
    }

    static CompletableFuture<Void> of(ChannelFuture write, Peer to) {
        SendResult listener = new SendResult(to);
        write.addListener(listener);
        return listener.result;
    }

    @Override
    public void operationComplete(ChannelFuture write) {
        if (write.isSuccess()) {
            result.complete(null);
        } else {
            log.debug("send to {} failed: {}", to, String.valueOf(write.cause()));
            result.completeExceptionally(write.cause());
        }
    }
}
