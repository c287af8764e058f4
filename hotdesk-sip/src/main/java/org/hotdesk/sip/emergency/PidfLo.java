package org.hotdesk.sip.emergency;

import java.time.Instant;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.site.CivicAddress;

/**
 * The desk's location as a PIDF-LO document (RFC 4119, civic address per RFC 5139, profile per RFC 5491):
 * what an emergency gateway passes on to the answering point. It names the device, never the user: responders
 * go to the desk.
 */
public final class PidfLo {
    public static final String CONTENT_TYPE = "application/pidf+xml";

    private PidfLo() {
    }

    /**
     * @param l      where the desk is (its own fields and its site's)
     * @param entity a URI for the calling device, e.g. {@code sip:hd001565de0001@acme.example}
     */
    public static String of(Device device, CivicAddress l, String entity, Instant at) {
        StringBuilder civic = new StringBuilder();
        // in the order of RFC 5139's schema, which is a sequence: strict validators reject any other
        field(civic, "country", l.country());
        field(civic, "A1", l.region());
        field(civic, "A3", l.city());
        field(civic, "RD", l.street());
        field(civic, "HNO", l.houseNumber());
        field(civic, "LOC", l.description());
        field(civic, "FLR", l.floor());
        field(civic, "NAM", device.name());
        field(civic, "PC", l.postalCode());
        field(civic, "BLD", l.building());
        field(civic, "ROOM", l.room());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <presence xmlns="urn:ietf:params:xml:ns:pidf"
                          xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10"
                          xmlns:ca="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr"
                          xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                          entity="%s">
                  <dm:device id="%s">
                    <gp:geopriv>
                      <gp:location-info>
                        <ca:civicAddress xml:lang="en">
                %s        </ca:civicAddress>
                      </gp:location-info>
                      <gp:usage-rules/>
                      <gp:method>Manual</gp:method>
                    </gp:geopriv>
                    <dm:deviceID>mac:%s</dm:deviceID>
                    <dm:timestamp>%s</dm:timestamp>
                  </dm:device>
                </presence>
                """.formatted(escape(entity), "desk-" + device.label().replace('/', '-'), civic, device.mac().value(), at);
    }

    private static void field(StringBuilder civic, String name, String value) {
        if (value == null) return;
        civic.append("          <ca:").append(name).append('>').append(escape(value)).append("</ca:").append(name).append(">\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
