package org.hotdesk.web.alerts;

import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.site.CivicAddress;

/**
 * The JSON an alert webhook receives for an emergency call. {@code id} stays the same across retries, so a
 * receiver can drop the copies of an alert it already showed.
 *
 * @param time     when the call was made, ISO 8601 UTC
 * @param user     who was logged in at the desk, or null when it was idle
 * @param location the desk's civic address; null fields are unknown, {@code dispatchable} false means the
 *                 desk has no usable address and someone has to go and look
 */
public record AlertPayload(String type, long id, String tenant, String time, String dialled, String callId,
                           DeskInfo device, LocationInfo location, UserInfo user, String callbackNumber) {

    public record DeskInfo(long id, String mac, String name) {
    }

    public record LocationInfo(boolean dispatchable, String country, String region, String city, String street,
                               String houseNumber, String postalCode, String building, String floor, String room,
                               String description) {
    }

    public record UserInfo(String extension, String name) {
    }

    static AlertPayload of(EmergencyAlert a, String tenantDomain) {
        CivicAddress l = a.location();
        return new AlertPayload("emergency_call", a.id(), tenantDomain, a.occurredAt().toString(), a.dialled(), a.callId(),
                new DeskInfo(a.deviceId(), a.deviceMac(), a.deviceName()),
                new LocationInfo(l.isDispatchable(), l.country(), l.region(), l.city(), l.street(), l.houseNumber(),
                        l.postalCode(), l.building(), l.floor(), l.room(), l.description()),
                a.userExtension() == null ? null : new UserInfo(a.userExtension(), a.userName()),
                l.callbackNumber());
    }
}
