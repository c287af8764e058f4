package org.hotdesk.core.login;

import org.hotdesk.core.session.LoginMethod;

/** What a person presents to log in on a device. */
public sealed interface Credentials {
    LoginMethod method();

    /**
     * A one-time code from the dial string. {@code extension} is set when the caller also said who they are;
     * the code must then belong to that user.
     */
    record Otp(String code, String extension) implements Credentials {
        public Otp(String code) {
            this(code, null);
        }

        public LoginMethod method() {
            return LoginMethod.OTP;
        }

        @Override
        public String toString() {
            return "Otp[extension=" + extension + "]";
        }
    }

    /** Extension and PIN, entered through the IVR after a feature code. */
    record ExtensionPin(String extension, String pin) implements Credentials {
        public LoginMethod method() {
            return LoginMethod.FEATURE_CODE_PIN;
        }

        @Override
        public String toString() {
            return "ExtensionPin[extension=" + extension + "]";
        }
    }

    /**
     * Extension and PIN entered on the phone's own hot-desk key: the phone registers as the user, and the
     * registrar holds the digest answer the phone computed from the PIN.
     */
    record PhoneKey(String extension, PinProof proof) implements Credentials {
        public LoginMethod method() {
            return LoginMethod.PHONE_KEY;
        }

        @Override
        public String toString() {
            return "PhoneKey[extension=" + extension + "]";
        }
    }

    /** An administrator (console, CLI) or an integration (API) assigns the user; no secret involved. */
    record Assigned(long userId, LoginMethod method) implements Credentials {
        public Assigned {
            if (method != LoginMethod.ADMIN && method != LoginMethod.API) {
                throw new IllegalArgumentException("assigned logins are ADMIN or API, not " + method);
            }
        }
    }
}
