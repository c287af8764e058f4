package org.hotdesk.provisioning.grandstream;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.render.ConfigFile;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.PhoneRenderer;

/**
 * Grandstream GXP/GRP desk phones and HT8xx analog adapters (VENDORS.md §4).
 * <p>
 * The device asks for {@code cfg<mac>} / {@code cfg<mac>.bin} (binary), {@code cfg<mac>.xml}, then
 * {@code cfg<model>.xml} and {@code cfg.xml} (§4.1). Only {@code cfg<mac>.xml} is served: we write XML only, and
 * the common files carry no MAC. An ATA is a profile with more than one line or a model starting with "HT" (an
 * HT801 has one port); it gets P-values, a desk phone gets alias names (see {@link DeskPhoneConfig} for why).
 */
public final class GrandstreamRenderer implements PhoneRenderer {
    private static final Pattern SETTINGS = Pattern.compile("cfg([0-9a-fA-F]{12})\\.xml");

    @Override
    public Vendor vendor() {
        return Vendor.GRANDSTREAM;
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        Matcher m = SETTINGS.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileRequest.settings(MacAddress.parse(m.group(1))));
        } catch (InvalidInputException e) {
            return Optional.empty(); // all zeros or multicast: not a device's file
        }
    }

    @Override
    public ConfigFile render(FileRequest request, PhoneProfile profile) {
        if (request.part() != FileRequest.Part.SETTINGS) {
            throw new IllegalArgumentException("Grandstream has no " + request.part() + " file");
        }
        if (!request.mac().equals(profile.mac())) {
            // a wiring bug would otherwise hand one desk's SIP password to another
            throw new IllegalArgumentException("file for " + request.mac() + " rendered from the profile of " + profile.mac());
        }
        String body = isAta(profile) ? AtaConfig.render(profile) : DeskPhoneConfig.render(profile);
        return ConfigFile.xml(body);
    }

    static boolean isAta(PhoneProfile profile) {
        String model = profile.model() == null ? "" : profile.model().toUpperCase(Locale.ROOT);
        return profile.lines().size() > 1 || model.startsWith("HT");
    }
}
