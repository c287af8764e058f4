package org.hotdesk.core.device;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotdesk.core.error.InvalidInputException;

/**
 * A gateway model whose number of analog (FXS) ports we know, so that no gateway gets a line on a port its box does
 * not have: such a line could never register, and its configuration would have nowhere to go.
 * <p>
 * Port counts: HT801 one FXS port and HT802 two (VENDORS.md §4.7); HT813 one FXS port beside its FXO line (Grandstream
 * HT813 Administration Guide, "1 analog telephone FXS port and 1 PSTN line FXO port"); HT814 four and HT818 eight
 * (FusionPBX templates F/resources/templates/provision/grandstream/ht814/{$mac}.xml "FXS Port 1".."FXS Port 4" and
 * …/ht818/{$mac}.xml "FXS Port 1".."FXS Port 8", commit c7a00dc); HT812 two (Grandstream's product name, the two-port
 * HT81x; no template of ours shows it). A model not listed here is only held to 1–48 ports.
 *
 * @param fxsPorts the analog ports, numbered 1 to {@code fxsPorts}
 */
public record GatewayModel(Vendor vendor, String name, int fxsPorts) {
    private static final List<GatewayModel> KNOWN = List.of(
            new GatewayModel(Vendor.GRANDSTREAM, "HT801", 1),
            new GatewayModel(Vendor.GRANDSTREAM, "HT802", 2),
            new GatewayModel(Vendor.GRANDSTREAM, "HT812", 2),
            new GatewayModel(Vendor.GRANDSTREAM, "HT813", 1),
            new GatewayModel(Vendor.GRANDSTREAM, "HT814", 4),
            new GatewayModel(Vendor.GRANDSTREAM, "HT818", 8));

    /**
     * The known model of that name, in any case. A GENERIC gateway is matched too: its maker is learnt from the
     * User-Agent when it fetches (VENDORS.md §0), and these model names are that maker's own.
     */
    public static Optional<GatewayModel> of(Vendor vendor, String model) {
        if (model == null) {
            return Optional.empty();
        }
        String wanted = model.trim().toUpperCase(Locale.ROOT);
        return KNOWN.stream()
                .filter(m -> (m.vendor == vendor || vendor == Vendor.GENERIC) && m.name.equals(wanted))
                .findFirst();
    }

    /** Refuses a gateway of this model with more lines than the box has ports. */
    public void requireLines(int lines) {
        if (lines > fxsPorts) {
            throw new InvalidInputException("ports", label() + " has " + portCount() + ", not " + lines);
        }
    }

    /** Refuses a line on a port this model does not have. */
    public void requirePort(int port) {
        if (port > fxsPorts) {
            throw new InvalidInputException("port", label() + " has " + portCount() + ", no port " + port);
        }
    }

    public boolean hasPort(int port) {
        return port >= 1 && port <= fxsPorts;
    }

    private String label() {
        return "a " + vendor.id() + " " + name;
    }

    private String portCount() {
        return fxsPorts + (fxsPorts == 1 ? " FXS port" : " FXS ports");
    }
}
