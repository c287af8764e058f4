package org.hotdesk.provisioning.snom;

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
 * Snom D7xx. The phone asks for {@code snom<model>.htm}, then {@code snom<model>-<MAC>.htm} with the MAC in upper
 * case (VENDORS.md §3.1); we serve the second as XML settings and leave the model-wide one to the phone's defaults.
 */
public final class SnomRenderer implements PhoneRenderer {
    private static final Pattern FILE = Pattern.compile("snom[A-Za-z0-9]+-([0-9A-Fa-f]{12})\\.htm");

    private final SnomSettings settings = new SnomSettings();

    @Override
    public Vendor vendor() {
        return Vendor.SNOM;
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileRequest.settings(MacAddress.parse(m.group(1))));
        } catch (InvalidInputException notADevice) {
            // an all-zero or group address is no phone's own file
            return Optional.empty();
        }
    }

    @Override
    public ConfigFile render(FileRequest request, PhoneProfile profile) {
        return ConfigFile.xml(settings.render(profile));
    }
}
