package org.hotdesk.web.csv;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/**
 * CSV export and import under {@code /api/v1/tenants/{t}/<name>.csv}: GET downloads, POST (body = the file as
 * {@code text/csv}, UTF-8) imports all rows or none and answers what it did, or 422 with every bad line.
 * A cell that would start a spreadsheet formula is exported with a leading {@code '}, removed again on import.
 */
public final class CsvApi implements ApiResource {
    private final HotdeskCore core;
    private final List<CsvFile> files;

    public CsvApi(HotdeskCore core) {
        this.core = core;
        this.files = CsvFile.all(core);
    }

    @Override
    public void register(ApiRoutes api) {
        for (CsvFile file : files) {
            String path = "/tenants/{t}/" + file.name();
            api.get(path).tag("csv").summary("Export the " + file.summary() + " as CSV").access("tenant admin")
                    .mediaType("text/csv").returns(String.class).errors(401, 403, 404)
                    .handle(ctx -> export(ctx, file));
            if (file.importer() != null) {
                api.post(path).tag("csv").summary("Import " + file.summary() + " from CSV: all rows or none")
                        .access("tenant admin").mediaType("text/csv").body(String.class).returns(ImportReport.class)
                        .errors(401, 403, 404, 422).handle(ctx -> importFile(ctx, file));
            }
        }
    }

    private void export(Context ctx, CsvFile file) {
        long t = PathIds.tenant(ctx);
        Access.admin(ctx, t);
        Tenant tenant = core.tenants().get(t);
        send(ctx, file.downloadName(tenant.domain()), file.exporter().apply(t));
    }

    private void importFile(Context ctx, CsvFile file) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        ctx.json(file.importer().importCsv(t, new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8), p.actor()));
    }

    /** A CSV download: UTF-8, saved under {@code filename}. */
    public static void send(Context ctx, String filename, String csv) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(csv.getBytes(StandardCharsets.UTF_8));
    }
}
