package org.hotdesk.provisioning.profile;

import java.util.List;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.Vendor;

/**
 * Everything a vendor renderer writes into a phone's configuration, already decided: who sits there, which keys,
 * where to register. Renderers only translate it into their vendor's parameter names; they decide nothing.
 *
 * @param model         the phone model as recorded (e.g. {@code T46U}, {@code D785}, {@code HT802}), or null
 * @param server        where and how the phone registers
 * @param ntpServer     the time server
 * @param timeZone      the tenant's zone, in the forms phones take
 * @param registerExpirySeconds how often the phone re-registers
 * @param screenTitle   the text on the phone's screen: "Hot desk – Desk 3" when idle, the person's name and
 *                      extension in session
 * @param lines         line 1 for a desk phone; one per analog port for a gateway, by port number
 * @param keys          the programmable keys from key 1 on; at most {@link #KEY_SLOTS}
 * @param phoneKeyMode  the phone's own hot-desk key is offered: its login dialog must not ask for a server
 */
public record PhoneProfile(MacAddress mac, Vendor vendor, String model, SipServer server, String ntpServer,
                           TimeZoneInfo timeZone, int registerExpirySeconds, String screenTitle,
                           List<PhoneLine> lines, List<ProfileKey> keys, boolean phoneKeyMode) {

    /**
     * How many keys every renderer writes, used or cleared: the logout key plus a person's most keys. Writing
     * every slot each time is what clears the previous person's keys off the phone (VENDORS.md §7.2).
     */
    public static final int KEY_SLOTS = 31;

    public PhoneProfile {
        lines = List.copyOf(lines);
        keys = List.copyOf(keys);
        if (lines.isEmpty()) throw new IllegalArgumentException("a profile needs at least one line");
        if (keys.size() > KEY_SLOTS) throw new IllegalArgumentException("at most " + KEY_SLOTS + " keys");
    }

    /** Line 1, the only one of a desk phone. */
    public PhoneLine firstLine() {
        return lines.get(0);
    }
}
