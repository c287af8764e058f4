package org.hotdesk.core.tenant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/**
 * Where a tenant's calls leave hotdesk.
 *
 * @param emergencyGatewayUri where emergency numbers go, e.g. {@code sip:gw.example.net:5060}; null = none configured
 * @param outboundTrunkUri    where every other non-extension number goes; null = such calls get 404
 * @param emergencyAlertUrl   the on-site alert webhook (Kari's Law notification): every emergency call is POSTed
 *                            there as JSON until it answers 2xx; null = alerts wait, listed, until one is set
 * @param voicemailUri        the voicemail server (FreeSWITCH, Asterisk, a provider's) calls forwarded to voicemail go
 *                            to, as {@code sip:<extension>@<its host>}; its message-waiting NOTIFYs are accepted from
 *                            that host. null = no voicemail
 */
public record CallRouting(String emergencyGatewayUri, String outboundTrunkUri, String emergencyAlertUrl,
                          String voicemailUri) {
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s/?#]+(?:[/?#]\\S*)?");
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String HOST = "\\[[0-9A-Fa-f:.]+]|" + LABEL + "(?:\\." + LABEL + ")*\\.?";
    // user part optional (the router puts the dialled number there anyway); URI headers (?...) have no use here
    private static final Pattern SIP_URI = Pattern.compile(
            "(?i:sips?):(?:[^@\\s;?]+@)?(?:" + HOST + ")(?::([0-9]{1,5}))?(?:;[^\\s?]*)?");
    private static final int MAX_LENGTH = 255; // the column width

    public static final CallRouting NONE = new CallRouting(null, null, null, null);

    public CallRouting {
        emergencyGatewayUri = check("emergencyGatewayUri", emergencyGatewayUri);
        outboundTrunkUri = check("outboundTrunkUri", outboundTrunkUri);
        voicemailUri = check("voicemailUri", voicemailUri);
        emergencyAlertUrl = emergencyAlertUrl == null || emergencyAlertUrl.isBlank() ? null : emergencyAlertUrl.trim();
        if (emergencyAlertUrl != null && (emergencyAlertUrl.length() > MAX_LENGTH || !HTTP_URL.matcher(emergencyAlertUrl).matches())) {
            throw new InvalidInputException("emergencyAlertUrl",
                    "'" + emergencyAlertUrl + "' is not an http:// or https:// URL, e.g. https://security.example.com/hotdesk");
        }
    }

    /** Gateway and trunk, no alert webhook, no voicemail. */
    public CallRouting(String emergencyGatewayUri, String outboundTrunkUri) {
        this(emergencyGatewayUri, outboundTrunkUri, null, null);
    }

    /** Gateway, trunk and alert webhook, no voicemail. */
    public CallRouting(String emergencyGatewayUri, String outboundTrunkUri, String emergencyAlertUrl) {
        this(emergencyGatewayUri, outboundTrunkUri, emergencyAlertUrl, null);
    }

    public CallRouting withEmergencyGatewayUri(String uri) {
        return new CallRouting(uri, outboundTrunkUri, emergencyAlertUrl, voicemailUri);
    }

    public CallRouting withOutboundTrunkUri(String uri) {
        return new CallRouting(emergencyGatewayUri, uri, emergencyAlertUrl, voicemailUri);
    }

    public CallRouting withEmergencyAlertUrl(String url) {
        return new CallRouting(emergencyGatewayUri, outboundTrunkUri, url, voicemailUri);
    }

    public CallRouting withVoicemailUri(String uri) {
        return new CallRouting(emergencyGatewayUri, outboundTrunkUri, emergencyAlertUrl, uri);
    }

    private static String check(String field, String uri) {
        if (uri == null || uri.isBlank()) return null;
        String trimmed = uri.trim();
        Matcher m = SIP_URI.matcher(trimmed);
        if (trimmed.length() > MAX_LENGTH || !m.matches()) {
            throw new InvalidInputException(field, "'" + uri + "' is not a sip: or sips: URI with a host, e.g. sip:gw.example.net:5060");
        }
        if (m.group(1) != null && (Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535)) {
            throw new InvalidInputException(field, "'" + uri + "' has port " + m.group(1) + "; a port is 1 to 65535");
        }
        return trimmed;
    }
}
