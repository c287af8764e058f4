package org.hotdesk.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem in a request: which field, and for files which line (1 = the header line).
 *
 * @param line  the line of an uploaded file, or null
 * @param field the field or column at fault, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorDetail(Integer line, String field, String message) {
}
