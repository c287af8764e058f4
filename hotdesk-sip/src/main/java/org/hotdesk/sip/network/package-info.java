/**
 * The SIP network layer (RFC 3261 §18): UDP, TCP and TLS sockets on Netty that deliver whole messages as bytes
 * ({@link org.hotdesk.sip.network.Frame}) and send bytes back. It frames streams by Content-Length but parses
 * nothing else of SIP; the way back to a sender is its {@link org.hotdesk.sip.network.Link}.
 */
package org.hotdesk.sip.network;
