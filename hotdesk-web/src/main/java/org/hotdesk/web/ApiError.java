package org.hotdesk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON error body every HTTP answer uses: {@code {"error": code, "message": text, "details": [...]}}.
 * {@code error} is a stable code for scripts; {@code message} is for people; {@code details} lists each
 * problem when there are several (one per bad CSV line, say), and is left out when empty.
 */
public record ApiError(String error, String message,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ErrorDetail> details) {
    public ApiError(String error, String message) {
        this(error, message, List.of());
    }

    public ApiError {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
