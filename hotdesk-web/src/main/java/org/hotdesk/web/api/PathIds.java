package org.hotdesk.web.api;

import io.javalin.http.Context;
import org.hotdesk.web.ApiException;

/** Reads the numeric ids in API paths ({@code {t}}, {@code {u}}, {@code {d}}, ...). */
public final class PathIds {
    private PathIds() {
    }

    /** The id in path parameter {@code name}; an id that is not a number names nothing: 404. */
    public static long id(Context ctx, String name, String what) {
        String raw = ctx.pathParam(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ApiException(404, "not_found", "no " + what + " '" + raw + "': ids are numbers");
        }
    }

    public static long tenant(Context ctx) {
        return id(ctx, "t", "tenant");
    }
}
