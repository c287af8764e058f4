package org.hotdesk.sip.subscribe;

/** A SUBSCRIBE an event package refuses: the status and reason phrase the subscriber hears. */
public record SubscribeRefusal(int status, String reason) {
}
