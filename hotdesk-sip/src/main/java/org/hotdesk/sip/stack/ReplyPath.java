package org.hotdesk.sip.stack;

import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.Via;
import org.hotdesk.sip.network.Link;
import org.hotdesk.sip.network.Peer;
import org.hotdesk.sip.network.SipNetwork;

/**
 * Where the answers to one received request go (RFC 3261 §18.2.2, RFC 3581 §4): over TCP and TLS back on the
 * connection the request came on; over UDP to the packet's source when the client asked for {@code rport} or sent
 * from the port its Via names, else to the source address at the Via's port.
 */
final class ReplyPath {
    private final Link link;
    private final Peer udpTarget;
    private final SipNetwork network;

    private ReplyPath(Link link, Peer udpTarget, SipNetwork network) {
        this.link = link;
        this.udpTarget = udpTarget;
        this.network = network;
    }

    static ReplyPath of(SipRequest request, Link link, SipNetwork network) {
        if (link.reliable()) return new ReplyPath(link, null, network);
        Via via = request.topVia();
        int viaPort = via.port() > 0 ? via.port() : 5060;
        if (via.hasRport() || viaPort == link.peer().port()) return new ReplyPath(link, null, network);
        return new ReplyPath(link, new Peer(link.peer().host(), viaPort, "udp"), network);
    }

    void send(byte[] frame) {
        if (udpTarget == null) {
            link.send(frame);
        } else {
            network.send(udpTarget, frame);
        }
    }

    boolean reliable() {
        return link.reliable();
    }
}
