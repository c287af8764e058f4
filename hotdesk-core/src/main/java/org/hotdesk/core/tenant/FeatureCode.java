package org.hotdesk.core.tenant;

/** What a dialled feature code asks for. */
public sealed interface FeatureCode {
    /** {@code 00*{otp}#}: log in with a one-time code. */
    record OtpLogin(String code) implements FeatureCode {
        @Override
        public String toString() {
            return "OtpLogin[code hidden]";
        }
    }

    /** {@code *77*{ext}*}: log in as this extension; the PIN is asked by the voice menu. */
    record ExtensionLogin(String extension) implements FeatureCode {
    }

    /** {@code *11}: the voice menu asks for extension and PIN. */
    record PromptedLogin() implements FeatureCode {
    }

    /** {@code 00#}, {@code *77*5*}, {@code *12}: log out of this phone. */
    record Logout() implements FeatureCode {
    }

    /** {@code *8{ext}}: answer the call ringing at this colleague's phones here instead. */
    record Pickup(String extension) implements FeatureCode {
    }
}
