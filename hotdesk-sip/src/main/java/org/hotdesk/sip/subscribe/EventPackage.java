package org.hotdesk.sip.subscribe;

import java.util.Optional;
import org.hotdesk.sip.registrar.SipAccount;

/**
 * One event package this server is notifier of (RFC 6665 §7): what may be watched, and the state a NOTIFY carries.
 * The subscription dialog itself (expiry, refresh, NOTIFY sending) is {@link SubscribeHandler}'s and {@link Notifier}'s
 * job; a package only knows its resource. Register one in {@link EventPackages}.
 */
public interface EventPackage {
    /** Its name as the {@code Event} header carries it, e.g. {@code message-summary} (RFC 3842), {@code dialog} (RFC 4235). */
    String name();

    /** The Content-Type of its NOTIFY bodies. */
    String contentType();

    /** How long a subscription lasts when the SUBSCRIBE asks for no length (each package names its own, RFC 6665 §7.2). */
    int defaultExpires();

    /**
     * Why this authenticated subscriber may not watch what the SUBSCRIBE names, or empty when it may.
     *
     * @param resource the user part of the SUBSCRIBE's Request-URI, or null
     */
    Optional<SubscribeRefusal> refusal(SipAccount subscriber, String resource);

    /** The resource's full current state, the body of a NOTIFY sent now (RFC 6665 §4.2.2: every NOTIFY carries it). */
    String state(Subscription subscription);
}
