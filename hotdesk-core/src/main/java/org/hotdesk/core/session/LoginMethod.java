package org.hotdesk.core.session;

/** How a session was started. */
public enum LoginMethod {
    /** Feature code, then extension and/or PIN through the IVR (3CX {@code *77*ext*}, ring2all {@code *11}). */
    FEATURE_CODE_PIN,
    /** One-time code in the dial string (B3Networks {@code 00*otp#}). */
    OTP,
    /** The phone's own hot-desk key: it REGISTERs as the user with extension + PIN (Yealink, innovaphone). */
    PHONE_KEY,
    /** An administrator assigned the user to the device. */
    ADMIN,
    /** An integration called the REST API. */
    API
}
