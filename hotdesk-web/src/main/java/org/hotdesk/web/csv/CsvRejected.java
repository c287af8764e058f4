package org.hotdesk.web.csv;

import java.util.List;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.ErrorDetail;

/** The answer to a file that was not imported: 422 {@code invalid_csv}, with one detail per problem. */
public final class CsvRejected {
    public static final String CODE = "invalid_csv";

    private CsvRejected() {
    }

    public static ApiException rows(int badRows, int rows, List<ErrorDetail> details) {
        return new ApiException(422, CODE, badRows + " of " + rows + " rows are invalid; nothing was imported", details);
    }

    /** A problem with the file as a whole (its header, its quoting, its encoding). */
    public static ApiException file(String message, List<ErrorDetail> details) {
        return new ApiException(422, CODE, message + "; nothing was imported", details);
    }
}
