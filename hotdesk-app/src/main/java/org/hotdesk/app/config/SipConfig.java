package org.hotdesk.app.config;

import java.util.List;
import java.util.Locale;
import org.hotdesk.sip.auth.DigestAlgorithm;

/**
 * The SIP side: where it listens and the registrar's bounds.
 *
 * @param transports     {@code udp}, {@code tcp} or both, on the same port
 * @param advertisedHost the address phones reach this server at (Via, Record-Route); empty = {@code host}, or this
 *                       machine's first network address when {@code host} is 0.0.0.0
 * @param minExpires     shortest registration accepted, seconds (shorter: 423 Interval Too Brief)
 * @param defaultExpires registration length when a phone asks for none
 * @param maxExpires     longest registration granted whatever the tenant; below it a phone gets at most its tenant's
 *                       register expiry (500 s by default, as the Infinity guide recommends)
 * @param digestAlgorithms challenges offered, in order: {@code MD5} and/or {@code SHA-256}. MD5 alone by default,
 *                       because some phone stacks (baresip's libre, SIPp) fail on a challenge list naming SHA-256
 *                       instead of skipping it; use [SHA-256, MD5] (RFC 8760) when every phone handles it
 */
public record SipConfig(String host, int port, List<String> transports, String advertisedHost, int minExpires,
                        int defaultExpires, int maxExpires, int nonceLifetimeSeconds, int ringTimeoutSeconds,
                        List<String> digestAlgorithms) {

    public static final SipConfig DEFAULTS = new SipConfig("0.0.0.0", 5060, List.of("udp", "tcp"), "", 60, 300, 3600,
            300, 60, List.of("MD5"));

    public SipConfig {
        Require.text("sip.host", host);
        Require.between("sip.port", port, 0, 65535);
        transports = List.copyOf(transports);
        if (transports.isEmpty()) {
            throw ConfigException.forKey("sip.transports", "name at least one of udp, tcp");
        }
        for (String t : transports) {
            if (!List.of("udp", "tcp").contains(t.toLowerCase(Locale.ROOT))) {
                throw ConfigException.forKey("sip.transports", "'" + t + "' is not udp or tcp");
            }
        }
        advertisedHost = advertisedHost == null ? "" : advertisedHost.trim();
        Require.between("sip.minExpires", minExpires, 1, 86400);
        Require.between("sip.defaultExpires", defaultExpires, minExpires, 86400);
        Require.between("sip.maxExpires", maxExpires, defaultExpires, 86400);
        Require.between("sip.nonceLifetimeSeconds", nonceLifetimeSeconds, 10, 86400);
        Require.between("sip.ringTimeoutSeconds", ringTimeoutSeconds, 5, 600);
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (digestAlgorithms.isEmpty()) {
            throw ConfigException.forKey("sip.digestAlgorithms", "name at least one of SHA-256, MD5");
        }
        for (String a : digestAlgorithms) {
            if (a.isBlank() || DigestAlgorithm.fromToken(a).isEmpty()) {
                throw ConfigException.forKey("sip.digestAlgorithms", "'" + a + "' is not SHA-256 or MD5");
            }
        }
    }

    public org.hotdesk.sip.SipConfig toServerConfig() {
        List<String> lower = transports.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        return new org.hotdesk.sip.SipConfig(host, port, lower.contains("udp"), lower.contains("tcp"),
                advertisedHost.isEmpty() ? null : advertisedHost, minExpires, defaultExpires, maxExpires,
                nonceLifetimeSeconds, ringTimeoutSeconds,
                digestAlgorithms.stream().map(a -> DigestAlgorithm.fromToken(a).orElseThrow()).distinct().toList());
    }
}
