package org.hotdesk.web;

/**
 * The JSON error body every HTTP answer uses: {@code {"error": code, "message": text}}.
 * {@code error} is a stable code for scripts; {@code message} is for people.
 */
public record ApiError(String error, String message) {
}
