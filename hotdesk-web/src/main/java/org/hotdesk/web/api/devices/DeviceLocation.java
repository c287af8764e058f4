package org.hotdesk.web.api.devices;

import org.hotdesk.core.site.CivicAddress;

/** A desk's civic address in JSON, as admins send it and as it is shown (every field optional). */
public record DeviceLocation(String description, String country, String region, String city, String street,
                             String houseNumber, String postalCode, String building, String floor, String room,
                             String callbackNumber) {

    /** Checked by the core's {@link CivicAddress}: a bad country or callback number is a 422 naming the field. */
    public CivicAddress toLocation() {
        return new CivicAddress(description, country, region, city, street, houseNumber, postalCode, building, floor, room,
                callbackNumber);
    }

    public static DeviceLocation of(CivicAddress l) {
        return new DeviceLocation(l.description(), l.country(), l.region(), l.city(), l.street(), l.houseNumber(),
                l.postalCode(), l.building(), l.floor(), l.room(), l.callbackNumber());
    }
}
