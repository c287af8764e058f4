package org.hotdesk.web.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How each event webhook POST is signed, so a receiver knows it came from this server and is not a replay:
 * {@code Hotdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>}.
 * The receiver recomputes the HMAC (compared in constant time), refuses a timestamp more than a few minutes off,
 * and drops an event whose {@code Hotdesk-Event-Id} it has seen (a retry whose first answer was lost).
 */
public final class WebhookSignature {
    public static final String HEADER = "Hotdesk-Signature";
    public static final String EVENT_HEADER = "Hotdesk-Event";
    public static final String ID_HEADER = "Hotdesk-Event-Id";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp, body);
    }

    /** The hex HMAC-SHA256 of {@code "<timestamp>.<body>"}. */
    public static String hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
