package org.hotdesk.web.api;

import java.util.List;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.ErrorDetail;

/**
 * Answers for the problems a core service found in a request all at once ({@code problemsOf}): a caller fixing a
 * body learns every wrong field from one answer, not one field per try.
 */
public final class Problems {
    private Problems() {
    }

    /**
     * Refuses the request when there is any problem: 422 with one detail per wrong field (the message is the first
     * one's) when some field is wrong, otherwise the first problem as it is (a conflict answers 409).
     */
    public static void refuseIfAny(List<HotdeskException> problems) {
        List<InvalidInputException> invalid = problems.stream().filter(p -> p instanceof InvalidInputException)
                .map(p -> (InvalidInputException) p).toList();
        if (!invalid.isEmpty()) {
            throw new ApiException(422, "invalid_input", invalid.get(0).getMessage(), invalid.stream()
                    .map(e -> new ErrorDetail(null, e.field(), e.getMessage())).toList());
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }
}
