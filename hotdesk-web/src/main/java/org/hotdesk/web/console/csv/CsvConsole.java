package org.hotdesk.web.console.csv;

import io.javalin.config.RoutesConfig;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.ErrorDetail;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.csv.CsvApi;
import org.hotdesk.web.csv.CsvFile;
import org.hotdesk.web.csv.ImportReport;
import org.hotdesk.web.session.WebSessions;

/**
 * The console's CSV buttons: uploads (a form with a {@code file} field) that go back to their section with a
 * flash saying what was imported or listing every bad line, and downloads of the same files as the API.
 */
public final class CsvConsole implements WebFeature {
    /** Listed problems in a flash at most; the rest are counted. */
    static final int MAX_LISTED = 20;

    private final HotdeskCore core;
    private final WebSessions sessions;
    private final List<CsvFile> files;

    public CsvConsole(HotdeskCore core, WebSessions sessions) {
        this.core = core;
        this.sessions = sessions;
        this.files = CsvFile.all(core);
    }

    @Override
    public void register(RoutesConfig routes) {
        upload(routes, "devices", "devices.csv", "devices");
        upload(routes, "gateways", "gateways.csv", "gateways");
        upload(routes, "gateway-lines", "gateway-lines.csv", "gateways");
        upload(routes, "users", "users.csv", "users");
        for (CsvFile file : files) {
            routes.get("/console/tenants/{t}/export/" + file.name(), ctx -> {
                ConsolePage page = ConsolePage.of(ctx, core);
                CsvApi.send(ctx, file.downloadName(page.tenant().domain()), file.exporter().apply(page.tenantId()));
            });
        }
    }

    private void upload(RoutesConfig routes, String path, String fileName, String section) {
        CsvFile file = CsvFile.named(files, fileName);
        routes.post("/console/tenants/{t}/" + path + "/import", ctx -> {
            ConsolePage page = ConsolePage.of(ctx, core);
            UploadedFile upload = ctx.uploadedFile("file");
            if (upload == null || upload.size() == 0) {
                page.flashError(sessions, "Choose a CSV file (" + fileName + ") to import.");
                page.redirect(section);
                return;
            }
            String shownName = shownName(upload, fileName);
            try {
                ImportReport report = file.importer().importCsv(page.tenantId(), read(upload), page.principal().actor());
                page.flash(sessions, "Imported " + shownName + ": " + report.created() + " added, " + report.updated()
                        + " updated" + (report.unchanged() == 0 ? "." : ", " + report.unchanged() + " unchanged."));
            } catch (ApiException e) {
                page.flashError(sessions, rejection(shownName, e));
            } catch (HotdeskException e) {
                page.flashError(sessions, shownName + " was rejected, nothing was imported:\n" + e.getMessage());
            }
            page.redirect(section);
        });
    }

    /** "devices.csv was rejected, nothing was imported:\nLine 3: mac 'zz' is not ..." (the layout lists the lines). */
    static String rejection(String fileName, ApiException e) {
        List<ErrorDetail> details = e.body().details();
        StringBuilder text = new StringBuilder(fileName).append(" was rejected, nothing was imported:");
        if (details.isEmpty()) {
            text.append('\n').append(e.getMessage());
        }
        details.stream().limit(MAX_LISTED).forEach(d -> text.append('\n')
                .append(d.line() == null ? "" : "Line " + d.line() + ": ").append(d.message()));
        if (details.size() > MAX_LISTED) {
            text.append("\n… and ").append(details.size() - MAX_LISTED).append(" more problems");
        }
        return text.toString();
    }

    private static String read(UploadedFile upload) throws IOException {
        try (InputStream in = upload.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The uploaded file's own name when it is a plain one, else the kind's. */
    private static String shownName(UploadedFile upload, String fallback) {
        String name = upload.filename();
        return name != null && name.matches("[\\w .()\\-]{1,100}") ? name : fallback;
    }
}
