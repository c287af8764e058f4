package org.hotdesk.web.session;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.access.TokenSecrets;

/**
 * Browser sign-ins of one area (the console or the self-service page), kept in memory: a random id in an
 * HttpOnly, SameSite=Strict cookie (Secure over HTTPS). A restart signs everyone out, which for an admin console
 * and a code-generating page is a fair price for keeping no session secrets at rest.
 *
 * <p>Each area has its own instance, cookie name and cookie path: an admin who also signs in as an employee in
 * the same browser (to check what their staff see) keeps both sign-ins, and a session id of one area is
 * worth nothing in the other, because it is not even in the other's map.
 */
public final class WebSessions {
    /** session id → the fields of its last refused form (see keepForm); one per session, at most one form. */
    private final Map<String, Map<String, String>> keptForms = new java.util.concurrent.ConcurrentHashMap<>();
    public static final String CONSOLE_COOKIE = "hotdesk_console";
    public static final String SELF_COOKIE = "hotdesk_me";
    /** Signed out after this long without a request. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** Signed out after this long whatever happens. */
    public static final Duration MAX_AGE = Duration.ofHours(12);

    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final String cookie;
    private final String path;
    private final SecureRandom random = new SecureRandom();

    private WebSessions(Clock clock, String cookie, String path) {
        this.clock = clock;
        this.cookie = cookie;
        this.path = path;
    }

    /** The admins' sign-ins; the browser sends the cookie to {@code /console} and below only. */
    public static WebSessions console(Clock clock) {
        return new WebSessions(clock, CONSOLE_COOKIE, "/console");
    }

    /** The employees' sign-ins; the browser sends the cookie to {@code /me} and below only. */
    public static WebSessions self(Clock clock) {
        return new WebSessions(clock, SELF_COOKIE, "/me");
    }

    /** Starts a session for {@code principal} and sets its cookie; any earlier session of this browser ends. */
    public WebSession start(Context ctx, Principal principal) {
        return start(ctx, principal, null);
    }

    /** As {@link #start(Context, Principal)}, for a sign-in with the stored token {@code tokenId} (null: none). */
    public WebSession start(Context ctx, Principal principal, Long tokenId) {
        end(ctx);
        Instant now = clock.instant();
        WebSession session = new WebSession(randomId(), principal, randomId(), now, now, null, tokenId);
        sessions.put(session.id(), session);
        // no max-age: a browser session cookie, gone when the browser closes
        ctx.cookie(new Cookie(cookie, session.id(), path, -1, "https".equals(ctx.scheme()), true, null,
                SameSite.STRICT));
        return session;
    }

    /** The live session of this browser, touched; empty when none, idle too long or too old. */
    public Optional<WebSession> current(Context ctx) {
        String id = ctx.cookie(cookie);
        if (id == null) {
            return Optional.empty();
        }
        WebSession session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (now.isAfter(session.lastSeen().plus(IDLE)) || now.isAfter(session.createdAt().plus(MAX_AGE))) {
            sessions.remove(id);
            keptForms.remove(id);
            return Optional.empty();
        }
        WebSession touched = session.touched(now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void end(Context ctx) {
        String id = ctx.cookie(cookie);
        if (id != null) {
            sessions.remove(id);
            keptForms.remove(id);
            ctx.removeCookie(cookie, path);
        }
    }

    /**
     * Keeps what was typed into a form that was refused, for the next page to show again (the page after a POST is
     * a redirect, which would otherwise start from empty fields). Taken once, like the flash message.
     */
    public void keepForm(WebSession session, Map<String, String> typed) {
        keptForms.put(session.id(), Map.copyOf(typed));
    }

    /** What {@link #keepForm} kept, or an empty map. */
    public Map<String, String> takeForm(WebSession session) {
        Map<String, String> typed = keptForms.remove(session.id());
        return typed == null ? Map.of() : typed;
    }

    /** Leaves a message for the next page this session shows. */
    public void flash(WebSession session, String message) {
        sessions.computeIfPresent(session.id(), (id, s) -> s.withFlash(message));
    }

    /** Takes the pending message, if any (shown once). */
    public String takeFlash(WebSession session) {
        WebSession s = sessions.computeIfPresent(session.id(), (id, old) -> old.withFlash(null));
        return s == null ? null : session.flash();
    }

    /** Does the form's token match this session's? Compared in constant time. */
    public static boolean csrfMatches(WebSession session, String sent) {
        return sent != null && TokenSecrets.sameSecret(session.csrfToken(), sent);
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
