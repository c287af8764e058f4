package org.hotdesk.core.tenant;

import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/**
 * Where a tenant's calls leave hotdesk.
 *
 * @param emergencyGatewayUri where emergency numbers go, e.g. {@code sip:gw.example.net:5060}; null = none configured
 * @param outboundTrunkUri    where every other non-extension number goes; null = such calls get 404
 */
public record CallRouting(String emergencyGatewayUri, String outboundTrunkUri) {
    private static final Pattern SIP_URI = Pattern.compile("sips?:([^@\\s;]+@)?[A-Za-z0-9.\\-\\[\\]:]+(;[^\\s]*)?");

    public static final CallRouting NONE = new CallRouting(null, null);

    public CallRouting {
        emergencyGatewayUri = check("emergencyGatewayUri", emergencyGatewayUri);
        outboundTrunkUri = check("outboundTrunkUri", outboundTrunkUri);
    }

    public CallRouting withEmergencyGatewayUri(String uri) {
        return new CallRouting(uri, outboundTrunkUri);
    }

    public CallRouting withOutboundTrunkUri(String uri) {
        return new CallRouting(emergencyGatewayUri, uri);
    }

    private static String check(String field, String uri) {
        if (uri == null || uri.isBlank()) return null;
        String trimmed = uri.trim();
        if (trimmed.length() > 255 || !SIP_URI.matcher(trimmed).matches()) {
            throw new InvalidInputException(field, "'" + uri + "' is not a sip: or sips: URI with a host, e.g. sip:gw.example.net:5060");
        }
        return trimmed;
    }
}
