package org.hotdesk.web.pages;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.WebFeature;

/** The console's stylesheet and its one small script, from the jar. Nothing to build, nothing from a CDN. */
public final class StaticAssets implements WebFeature {
    private static final Set<String> FILES = Set.of("hotdesk.css", "hotdesk.js");

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/static/{file}", ctx -> {
            String file = ctx.pathParam("file");
            if (!FILES.contains(file)) {
                throw new ApiException(404, "not_found", "no file " + file);
            }
            try (InputStream in = StaticAssets.class.getResourceAsStream("/web/static/" + file)) {
                if (in == null) {
                    throw new IOException("missing from the jar: " + file);
                }
                ctx.contentType(file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
                ctx.header("Cache-Control", "max-age=3600");
                ctx.result(in.readAllBytes());
            }
        });
    }
}
