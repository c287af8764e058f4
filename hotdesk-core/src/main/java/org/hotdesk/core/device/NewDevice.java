package org.hotdesk.core.device;

import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.site.CivicAddress;

/** A request to add a shared phone; validates itself. */
public record NewDevice(MacAddress mac, String name, Vendor vendor, String model, CivicAddress location,
                        DevicePolicyOverride policy, DeviceProvisioning provisioning) {

    /** A device rendered with the defaults: dial-code keys, UDP to the server's port, the tenant's domain and NTP. */
    public NewDevice(MacAddress mac, String name, Vendor vendor, String model, CivicAddress location,
                     DevicePolicyOverride policy) {
        this(mac, name, vendor, model, location, policy, DeviceProvisioning.DEFAULT);
    }

    public NewDevice {
        if (mac == null) {
            throw new InvalidInputException("mac", "is required");
        }
        name = name == null || name.isBlank() ? "Desk " + mac.value().substring(6) : name.trim();
        if (name.length() > 100) {
            throw new InvalidInputException("name", "must be at most 100 characters");
        }
        vendor = vendor == null ? Vendor.GENERIC : vendor;
        model = model == null || model.isBlank() ? null : model.trim();
        if (model != null && model.length() > 50) {
            throw new InvalidInputException("model", "must be at most 50 characters");
        }
        location = location == null ? CivicAddress.NONE : location;
        policy = policy == null ? DevicePolicyOverride.NONE : policy;
        provisioning = provisioning == null ? DeviceProvisioning.DEFAULT : provisioning;
        vendor.requireSupports(provisioning.mode());
    }
}
