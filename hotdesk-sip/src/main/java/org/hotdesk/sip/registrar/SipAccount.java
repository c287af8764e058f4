package org.hotdesk.sip.registrar;

import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.auth.DigestAlgorithm;

/**
 * An account that may register and call: a shared device's account, a user's own SIP account, or a user
 * at a desk whose phone logged them in with its hot-desk key (extension + PIN).
 */
public sealed interface SipAccount {
    Tenant tenant();

    /** The digest username, and the user part of the account's address of record. */
    String username();

    /** Location-service key: the same for every binding of this account. */
    String key();

    /** The stored HA1 for an algorithm; the digest realm is the tenant's domain. */
    Optional<String> ha1(DigestAlgorithm algorithm);

    /** Why this account may not register or call now, or empty when it may. */
    Optional<String> refusal();

    default String realm() {
        return tenant().domain();
    }

    /** Is this binding one of this account's (a phone-key user shares the desk's location key with the desk)? */
    default boolean owns(Registration binding) {
        return true;
    }

    record DeviceAccount(Tenant tenant, Device device) implements SipAccount {
        public String username() {
            return device.sipUsername();
        }

        public String key() {
            return LocationService.deviceKey(device.id());
        }

        public Optional<String> ha1(DigestAlgorithm algorithm) {
            return Optional.of(algorithm.ha1(device.sipUsername(), realm(), device.sipPassword()));
        }

        public Optional<String> refusal() {
            return device.enabled() ? Optional.empty() : Optional.of("Device disabled");
        }
    }

    record UserAccount(Tenant tenant, User user) implements SipAccount {
        public String username() {
            return user.extension();
        }

        public String key() {
            return LocationService.userKey(user.id());
        }

        public Optional<String> ha1(DigestAlgorithm algorithm) {
            if (!user.hasOwnSipAccount()) return Optional.empty();
            return Optional.of(switch (algorithm) {
                case MD5 -> user.sipAccount().ha1Md5();
                case SHA_256 -> user.sipAccount().ha1Sha256();
            });
        }

        public Optional<String> refusal() {
            return user.enabled() ? Optional.empty() : Optional.of("User disabled");
        }
    }

    /** A user registered from a desk with their extension and hot-desk PIN: their bindings are the desk's. */
    record PhoneKeyAccount(Tenant tenant, User user, Device device) implements SipAccount {
        public String username() {
            return user.extension();
        }

        public String key() {
            return LocationService.deviceKey(device.id());
        }

        public Optional<String> ha1(DigestAlgorithm algorithm) {
            if (user.pinDigest() == null) return Optional.empty();
            return Optional.of(switch (algorithm) {
                case MD5 -> user.pinDigest().ha1Md5();
                case SHA_256 -> user.pinDigest().ha1Sha256();
            });
        }

        public Optional<String> refusal() {
            return user.enabled() && device.enabled() ? Optional.empty() : Optional.of("Not logged in");
        }

        @Override
        public boolean owns(Registration binding) {
            return binding.userId() != null && binding.userId() == user.id();
        }
    }
}
