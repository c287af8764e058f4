package org.hotdesk.web.console.live;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.console.ListPage;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * The console's live view (3CX "Hotdesking"): who is logged in at which desk, since when and until when,
 * with a remote logout per session, plus the latest emergency calls and how their alerts fared.
 */
public final class LiveView implements WebFeature {
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;
    private final LiveBoard board;

    public LiveView(HotdeskCore core, Clock clock, WebSessions sessions, Templates templates) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
        this.board = new LiveBoard(core, clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/live", this::show);
        routes.get("/console/tenants/{t}/live.json", this::feed);
        routes.post("/console/tenants/{t}/live/{sessionId}/logout", this::logout);
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        LiveSnapshot all = board.read(page.tenant());
        ListPage<LiveRow> list = rows(ctx, all);
        LiveSnapshot view = all.withRows(list.rows());
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        templates.page(ctx, "console/live.jte", Map.of("frame", page.frame("Live view", "live", core, sessions),
                "view", view, "etag", LiveFeed.etagOf(ctx, view), "list", list, "search", search(ctx),
                "feedQuery", query));
    }

    private void feed(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        LiveFeed.answer(ctx, shown(ctx, page));
    }

    /**
     * The rows the page shows: those matching the search, 50 a page (a provider's morning has thousands logged in).
     * The page and its polls read the same slice, so the rows redrawn are the ones on screen.
     */
    private LiveSnapshot shown(Context ctx, ConsolePage page) {
        LiveSnapshot all = board.read(page.tenant());
        return all.withRows(rows(ctx, all).rows());
    }

    private static ListPage<LiveRow> rows(Context ctx, LiveSnapshot all) {
        String q = search(ctx);
        List<LiveRow> matching = q.isEmpty() ? all.rows() : all.rows().stream().filter(r -> r.matches(q)).toList();
        return ListPage.inOrder(ctx, matching);
    }

    private static String search(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q.strip();
    }

    private void logout(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        try {
            long id = parseId(ctx.pathParam("sessionId"));
            Session ended = core.sessions().logoutSession(page.tenantId(), id, LogoutReason.ADMIN,
                    page.principal().actor());
            String who = core.users().get(page.tenantId(), ended.userId()).name();
            String desk = core.devices().get(page.tenantId(), ended.deviceId()).name();
            // a session that ended meanwhile (timer, the user) comes back as it ended: say so, not "logged out"
            boolean byUs = ended.endReason() == LogoutReason.ADMIN && ended.endedBy() != null
                    && ended.endedBy().equals(page.principal().actor().toString());
            page.flash(sessions, byUs ? who + " logged out of " + desk
                    : who + " had already left " + desk);
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.of(e));
        }
        page.redirect("live");
    }

    private static long parseId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new org.hotdesk.core.error.NotFoundException("session", raw);
        }
    }
}
