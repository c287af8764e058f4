package org.hotdesk.core.login;


/**
 * A phone's own hot-desk key asking to log a user in by registering as them with extension and PIN.
 *
 * @param tenantId       the tenant whose domain the phone registered in
 * @param deviceId       the desk the registration was recognised as (by MAC, instance id or address), or null
 * @param extension      who the phone registers as
 * @param source         the IP address the registration came from
 * @param sourceIsDevice the desk's own account is registered from that same address right now
 * @param proof          the phone's answer computed from the PIN
 */
public record PhoneKeyAttempt(long tenantId, Long deviceId, String extension, String source, boolean sourceIsDevice,
                              PinProof proof) {

    @Override
    public String toString() {
        return "PhoneKeyAttempt[tenant=" + tenantId + ", device=" + deviceId + ", extension=" + extension
                + ", source=" + source + "]";
    }
}
