package org.hotdesk.provisioning.render;

import java.util.List;
import java.util.Optional;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.User;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileBuilder;
import org.hotdesk.provisioning.profile.Seat;

/** A person whose name holds every character XML reserves, logged in at the sample desk. */
public final class SpecialNames {
    public static final String NAME = "Zo\u00eb & \"Co\" <x>";
    public static final String ESCAPED = "Zo\u00eb &amp; &quot;Co&quot; &lt;x&gt;";

    private SpecialNames() {
    }

    public static PhoneProfile inSession(Vendor vendor, String model) {
        User zoe = new User(8, 1, "1003", NAME, true, true, "bcrypt", null, null, SampleProfiles.NOW);
        Session session = new Session(6, 1, 3, zoe.id(), LoginMethod.OTP, SampleProfiles.NOW, SampleProfiles.NOW, 0,
                null, null, null, null);
        return new ProfileBuilder(SampleProfiles.SERVER).forDevice(
                SampleProfiles.desk(vendor, model, ProvisioningMode.DIAL_CODES), SampleProfiles.TENANT,
                Optional.of(new Seat(session, zoe, List.of())), SampleProfiles.NOW);
    }
}
