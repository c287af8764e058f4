package org.hotdesk.web.console.live;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The live view as JSON for the page's own polling ({@code live.json}). Polling instead of server-sent events:
 * those were backed out over a Javalin 7 threading problem. Most polls find nothing new, so the answer carries an
 * ETag of its content and a poll that names it gets an empty 304.
 */
final class LiveFeed {
    private LiveFeed() {
    }

    /** Answers with the snapshot, or 304 when the browser already has exactly this content. */
    static void answer(Context ctx, LiveSnapshot snapshot) {
        String json = ctx.jsonMapper().toJsonString(snapshot, LiveSnapshot.class);
        String etag = etagOf(json);
        ctx.header("ETag", etag);
        // the browser must ask every time; the 304 keeps that cheap
        ctx.header("Cache-Control", "no-cache, private");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("application/json").result(json);
    }

    static String etagOf(Context ctx, LiveSnapshot snapshot) {
        return etagOf(ctx.jsonMapper().toJsonString(snapshot, LiveSnapshot.class));
    }

    private static String etagOf(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** RFC 9110 §13.1.2: a list of tags or "*", compared weakly (a proxy may have marked ours weak). */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
