package org.hotdesk.web;

import java.util.List;

/** An answer other than success that a handler decides on: status, stable code, message, details. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<ErrorDetail> details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(int status, String code, String message, List<ErrorDetail> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized",
                "sign in first: send 'Authorization: Bearer <token>' (an admin token or an employee token)");
    }

    public static ApiException forbidden(String what) {
        return new ApiException(403, "forbidden", "this token may not " + what);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ApiError body() {
        return new ApiError(code, getMessage(), details);
    }
}
