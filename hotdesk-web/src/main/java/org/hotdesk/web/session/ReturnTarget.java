package org.hotdesk.web.session;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where a browser goes after signing in: the page it asked for before it was sent to sign in. The target
 * arrives in a URL ({@code ?next=}) that anyone can craft, so only a relative path of this site under the
 * area's own prefix is taken; anything else (another site, {@code //host}, a backslash that browsers read as a
 * slash, {@code ..}, the other area) falls back to the start page, so a sign-in link cannot send people away.
 */
public final class ReturnTarget {
    /** A path of letters, digits and the few marks our URLs use, optionally with a query; no {@code //}, no {@code \}. */
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9._~-]+)+/?(\\?[A-Za-z0-9._~=&%+-]*)?");

    private final String prefix;
    private final String start;

    /**
     * @param prefix the area's path, e.g. {@code /console}: only it and paths below it are accepted
     * @param start  where to go when there is no acceptable target
     */
    public ReturnTarget(String prefix, String start) {
        this.prefix = prefix;
        this.start = start;
    }

    /** Where to go after signing in: {@code next} when it is safe, else the start page. */
    public String after(String next) {
        return accepts(next) ? next : start;
    }

    /** Is {@code next} a same-site path under this area (and not its sign-in page)? */
    public boolean accepts(String next) {
        if (next == null || next.length() > 2000 || !SAFE.matcher(next).matches()) {
            return false;
        }
        String path = next.contains("?") ? next.substring(0, next.indexOf('?')) : next;
        boolean under = path.equals(prefix) || path.startsWith(prefix + "/");
        boolean climbs = ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./");
        return under && !climbs && !path.startsWith(prefix + "/login");
    }

    /** The sign-in page's URL for a browser that asked for this request's page. */
    public String signInFor(Context ctx, String loginPath) {
        String asked = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        if (!accepts(asked) || asked.equals(start)) {
            return loginPath;
        }
        return loginPath + "?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8);
    }
}
