package org.hotdesk.provisioning.render;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.device.Vendor;

/** The renderer of each vendor. */
public final class Renderers {
    private final Map<Vendor, PhoneRenderer> byVendor = new EnumMap<>(Vendor.class);

    public Renderers(List<PhoneRenderer> renderers) {
        for (PhoneRenderer r : renderers) {
            byVendor.put(r.vendor(), r);
        }
    }

    public Optional<PhoneRenderer> of(Vendor vendor) {
        return Optional.ofNullable(byVendor.get(vendor));
    }

    /** Every renderer, for trying a file name against each vendor's patterns. */
    public List<PhoneRenderer> all() {
        return List.copyOf(byVendor.values());
    }
}
