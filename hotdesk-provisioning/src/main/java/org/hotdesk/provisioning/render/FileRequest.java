package org.hotdesk.provisioning.render;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.error.InvalidInputException;

/**
 * A phone's request for one of its files, as its file name says.
 *
 * @param mac  the phone (or gateway) the file is for
 * @param part {@link Part#SETTINGS} is the file that carries the account and keys, and the one the provision
 *             counter counts; {@link Part#INDEX} only names the files to fetch next (Poly's per-MAC master file)
 */
public record FileRequest(MacAddress mac, Part part) {
    public enum Part { SETTINGS, INDEX }

    public static FileRequest settings(MacAddress mac) {
        return new FileRequest(mac, Part.SETTINGS);
    }

    /**
     * The settings request of a file name the pattern matches, its group 1 being the MAC; empty for other names
     * and for MACs no phone has (all zeros, group addresses), which phones use for common files.
     */
    public static Optional<FileRequest> settingsFile(Pattern pattern, String fileName) {
        Matcher m = pattern.matcher(fileName == null ? "" : fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(settings(MacAddress.parse(m.group(1))));
        } catch (InvalidInputException notADevice) {
            return Optional.empty();
        }
    }
}
