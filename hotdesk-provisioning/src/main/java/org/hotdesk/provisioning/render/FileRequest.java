package org.hotdesk.provisioning.render;

import org.hotdesk.core.device.MacAddress;

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
}
