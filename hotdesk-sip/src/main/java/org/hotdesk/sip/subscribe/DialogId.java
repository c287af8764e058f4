package org.hotdesk.sip.subscribe;

/**
 * A subscription's dialog as this server, its notifier, sees it (RFC 3261 §12: Call-ID, local tag, remote tag). The
 * local tag is the To tag of the 200 this server gave; an in-dialog SUBSCRIBE names it in its To.
 */
record DialogId(String callId, String localTag, String remoteTag) {
}
