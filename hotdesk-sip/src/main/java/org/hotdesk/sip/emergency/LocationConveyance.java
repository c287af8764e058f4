package org.hotdesk.sip.emergency;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.stack.OwnAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the calling desk's location into an emergency INVITE by value (RFC 6442): the PIDF-LO goes beside the
 * SDP in a multipart/mixed body, and a {@code Geolocation} header points at it by Content-ID. A desk with no
 * location still gets its call through, without a location, and the log says so.
 */
public final class LocationConveyance {
    private static final Logger log = LoggerFactory.getLogger(LocationConveyance.class);

    private final Clock clock;

    public LocationConveyance(Clock clock) {
        this.clock = clock;
    }

    /** @param location where the desk is: its own fields and its site's */
    public void attach(SipRequest invite, Device device, CivicAddress location, String domain) {
        if (!hasCivicFields(location)) {
            log.error("emergency call from a desk with no emergency location tenant={} mac={}", domain, device.label());
            return;
        }
        String contentId = "loc-" + OwnAddress.token() + "@" + domain;
        String pidf = PidfLo.of(device, location, "sip:" + device.sipUsername() + "@" + domain, clock.instant());
        String boundary = "hotdesk-" + OwnAddress.token();
        StringBuilder body = new StringBuilder();
        byte[] offer = invite.body();
        String offerType = invite.contentType();
        if (offer.length > 0) {
            // the media type without its parameters; a charset stays with the part it describes
            String type = offerType == null ? "application/sdp" : offerType.split(";")[0].trim();
            body.append("--").append(boundary).append("\r\nContent-Type: ").append(type).append("\r\n\r\n")
                    .append(new String(offer, StandardCharsets.UTF_8));
            if (body.charAt(body.length() - 1) != '\n') body.append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Type: ").append(PidfLo.CONTENT_TYPE)
                .append("\r\nContent-ID: <").append(contentId).append(">\r\n\r\n").append(pidf)
                .append("--").append(boundary).append("--\r\n");
        invite.setBody("multipart/mixed;boundary=" + boundary, body.toString().getBytes(StandardCharsets.UTF_8));
        invite.addLast("Geolocation", "<cid:" + contentId + ">");
        // the gateway must not route on it: it is for the answering point
        invite.addLast("Geolocation-Routing", "no");
    }

    static boolean hasCivicFields(CivicAddress l) {
        return l.country() != null || l.region() != null || l.city() != null || l.street() != null
                || l.houseNumber() != null || l.postalCode() != null || l.building() != null || l.floor() != null
                || l.room() != null || l.description() != null;
    }
}
