package org.hotdesk.provisioning.poly;

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
import org.hotdesk.provisioning.render.XmlText;

/**
 * Poly VVX and Edge E (UCS). The phone first asks for its per-MAC master file {@code <mac>.cfg} (MAC in upper or
 * lower case, VENDORS.md §2.1); we answer with a master that names one settings file, {@code <mac>-hotdesk.cfg},
 * which carries the account and keys (the pattern of FreePBX's polycomphones module, VENDORS.md §2.1). The master
 * only lists files, so it holds no account and no password.
 *
 * <p>{@code 000000000000.cfg} (the default master) and the files the phone uploads or reads for its own state
 * ({@code <mac>-phone.cfg}, {@code -web.cfg}, {@code -directory.xml}, ...) are not ours to serve.
 */
public final class PolyRenderer implements PhoneRenderer {
    private static final Pattern FILE = Pattern.compile("([0-9A-Fa-f]{12})(-hotdesk)?\\.cfg");
    private static final String SETTINGS_SUFFIX = "-hotdesk.cfg";

    private final PolySettings settings = new PolySettings();

    @Override
    public Vendor vendor() {
        return Vendor.POLY;
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        FileRequest.Part part = m.group(2) == null ? FileRequest.Part.INDEX : FileRequest.Part.SETTINGS;
        return device(m.group(1)).map(mac -> new FileRequest(mac, part));
    }

    @Override
    public ConfigFile render(FileRequest request, PhoneProfile profile) {
        return switch (request.part()) {
            case INDEX -> ConfigFile.xml(master(request.mac()));
            case SETTINGS -> ConfigFile.xml(settings.render(profile));
        };
    }

    /**
     * The per-MAC master file (VENDORS.md §2.1: {@code <APPLICATION APP_FILE_PATH="sip.ld" CONFIG_FILES=...>}).
     * The settings file is named relative to the master, so it is fetched from the same URL path (and token).
     */
    private static String master(MacAddress mac) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<APPLICATION APP_FILE_PATH=\"sip.ld\" CONFIG_FILES=\""
                + XmlText.escape(mac.value() + SETTINGS_SUFFIX) + "\"/>\n";
    }

    // the all-zero default master and group addresses are not a phone's own file
    private static Optional<MacAddress> device(String hex) {
        try {
            return Optional.of(MacAddress.parse(hex));
        } catch (InvalidInputException notADevice) {
            return Optional.empty();
        }
    }
}
