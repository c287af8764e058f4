package org.hotdesk.web.api;

import io.javalin.http.Context;
import java.util.List;
import org.hotdesk.web.ApiException;

/** Pages of a list answer: {@code ?limit=&offset=}, with the full count in {@code X-Total-Count}. */
public final class Paging {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    public static <T> List<T> page(Context ctx, List<T> all) {
        int limit = number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = number(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        ctx.header("X-Total-Count", Integer.toString(all.size()));
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, Math.min(all.size(), offset + limit));
    }

    static int number(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException(422, "invalid_input", "'" + name + "' must be a whole number from " + min
                    + " to " + max + ", not '" + raw + "'");
        }
    }
}
