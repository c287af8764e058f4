package org.hotdesk.app.config;

/**
 * One key as a source sets it.
 *
 * @param path  the key path, {@code tenantDefaults.otpLength}
 * @param where for error messages: {@code hotdesk.yaml line 4} or {@code environment variable HOTDESK_HTTP_PORT}
 */
record RawSetting(String path, RawValue value, String where) {
}
