package org.hotdesk.sip;

import java.util.List;
import org.hotdesk.core.location.RegistrationExpiry;
import org.hotdesk.sip.auth.DigestAlgorithm;
import org.hotdesk.sip.stack.TrustedEdges;

/**
 * Where and how the SIP side listens, and the registrar's bounds.
 *
 * @param host               address to listen on; {@code 0.0.0.0} = every interface
 * @param port               UDP and TCP port (5060)
 * @param udp                listen on UDP
 * @param tcp                listen on TCP
 * @param advertisedHost     the address phones reach this server at, written into Via, Record-Route and Contact;
 *                           null = {@code host}, or this machine's first site address when {@code host} is 0.0.0.0
 * @param minExpires         shortest registration accepted (s); shorter gets 423 Interval Too Brief
 * @param defaultExpires     registration length when the phone asks for none (s)
 * @param maxExpires         longest registration granted (s), whatever a tenant's register expiry; requests are cut
 *                           to the tenant's register expiry within these bounds ({@link RegistrationExpiry})
 * @param nonceLifetimeSeconds how long a digest nonce is accepted before the phone is asked again (stale=true)
 * @param ringTimeoutSeconds how long a call rings before the caller gets 480
 * @param digestAlgorithms   the challenges offered, in order. MD5 alone by default: some phone stacks (baresip's
 *                           libre, SIPp) fail on a challenge list that names SHA-256 instead of skipping it; offer
 *                           SHA-256 (RFC 8760, strongest first) when every phone handles it
 * @param trustedEdges       edge proxies (IP or IP:port) whose {@code X-Hotdesk-Source} names the phone behind them
 *                           ({@link org.hotdesk.sip.stack.TrustedEdges}); empty when phones talk to this server directly
 */
public record SipConfig(String host, int port, boolean udp, boolean tcp, String advertisedHost, int minExpires,
                        int defaultExpires, int maxExpires, int nonceLifetimeSeconds, int ringTimeoutSeconds,
                        List<DigestAlgorithm> digestAlgorithms, List<String> trustedEdges) {

    public static final SipConfig DEFAULTS = new SipConfig("0.0.0.0", 5060, true, true, null, 60, 300, 3600, 300, 60,
            List.of(DigestAlgorithm.MD5));

    public SipConfig(String host, int port, boolean udp, boolean tcp, String advertisedHost, int minExpires,
                     int defaultExpires, int maxExpires, int nonceLifetimeSeconds, int ringTimeoutSeconds,
                     List<DigestAlgorithm> digestAlgorithms) {
        this(host, port, udp, tcp, advertisedHost, minExpires, defaultExpires, maxExpires, nonceLifetimeSeconds,
                ringTimeoutSeconds, digestAlgorithms, List.of());
    }

    public SipConfig {
        trustedEdges = List.copyOf(trustedEdges);
        TrustedEdges.of(trustedEdges); // refuses an entry that is not an address now, not when SIP starts
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (digestAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("sip: offer at least one digest algorithm");
        }
        if (!udp && !tcp) {
            throw new IllegalArgumentException("sip: at least one of udp, tcp must be on");
        }
        if (minExpires < 1 || defaultExpires < minExpires || maxExpires < defaultExpires) {
            throw new IllegalArgumentException("sip: expires bounds must satisfy 1 <= minExpires <= defaultExpires <= maxExpires");
        }
    }

    /** The registrar's bounds; within them each tenant's register expiry caps what its phones are granted. */
    public RegistrationExpiry registrationExpiry() {
        return new RegistrationExpiry(minExpires, defaultExpires, maxExpires);
    }

    public SipConfig withPort(int newPort) {
        return new SipConfig(host, newPort, udp, tcp, advertisedHost, minExpires, defaultExpires, maxExpires,
                nonceLifetimeSeconds, ringTimeoutSeconds, digestAlgorithms, trustedEdges);
    }

    public SipConfig withTrustedEdges(List<String> edges) {
        return new SipConfig(host, port, udp, tcp, advertisedHost, minExpires, defaultExpires, maxExpires,
                nonceLifetimeSeconds, ringTimeoutSeconds, digestAlgorithms, edges);
    }
}
