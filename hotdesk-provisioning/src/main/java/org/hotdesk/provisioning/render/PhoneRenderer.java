package org.hotdesk.provisioning.render;

import java.util.Optional;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.provisioning.profile.PhoneProfile;

/**
 * One vendor's configuration format. Renderers translate a decided {@link PhoneProfile} into the vendor's file;
 * each writes every parameter it manages on every render, so a value the previous person left is overwritten.
 */
public interface PhoneRenderer {
    Vendor vendor();

    /**
     * The request this vendor's phones make with this file name (no directories), if it is one of theirs that
     * names a MAC. Common files without a MAC are not served: phones go on to their per-MAC file.
     */
    Optional<FileRequest> parse(String fileName);

    ConfigFile render(FileRequest request, PhoneProfile profile);
}
