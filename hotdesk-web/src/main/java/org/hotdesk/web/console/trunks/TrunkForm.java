package org.hotdesk.web.console.trunks;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.trunk.Trunk;

/**
 * The trunk form as typed: a name, the networks (separated by commas, spaces or lines) and the DIDs, one a line as
 * {@code +14155550100 = 1001} (or a space instead of {@code =}). It only splits the text; {@link
 * org.hotdesk.core.trunk.TrunkService} checks every part.
 *
 * @param dids the DID lines as typed
 */
public record TrunkForm(String name, String sourceCidrs, String dids) {

    static TrunkForm of(Context ctx) {
        return new TrunkForm(orEmpty(ctx.formParam("name")), orEmpty(ctx.formParam("sourceCidrs")),
                orEmpty(ctx.formParam("dids")));
    }

    /** What the edit form shows for a stored trunk. */
    static TrunkForm of(Trunk t) {
        StringBuilder dids = new StringBuilder();
        t.dids().forEach((number, extension) -> dids.append(number).append(" = ").append(extension).append('\n'));
        return new TrunkForm(t.name(), String.join(", ", t.sourceCidrs()), dids.toString().strip());
    }

    /** What a refused form kept, or {@code fallback} when nothing was kept. */
    static TrunkForm kept(Map<String, String> typed, TrunkForm fallback) {
        return typed.containsKey("name") ? new TrunkForm(typed.get("name"), typed.getOrDefault("sourceCidrs", ""),
                typed.getOrDefault("dids", "")) : fallback;
    }

    List<String> cidrList() {
        return Arrays.stream(sourceCidrs.split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
    }

    /** Each line's number → extension; a line with no extension maps to "" (the core says what is missing). */
    Map<String, String> didMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String raw : dids.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            int cut = line.indexOf('=');
            if (cut < 0) cut = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
            if (cut < 0) {
                map.put(line, "");
            } else {
                map.put(line.substring(0, cut).strip(), line.substring(cut + 1).strip());
            }
        }
        return map;
    }

    Map<String, String> typed() {
        Map<String, String> typed = new HashMap<>();
        typed.put("name", name);
        typed.put("sourceCidrs", sourceCidrs);
        typed.put("dids", dids);
        return typed;
    }

    /** Which of the form's three fields the problems are about, for the page to mark them all. */
    static Set<String> fieldsOf(List<HotdeskException> problems) {
        Set<String> fields = new HashSet<>();
        for (HotdeskException p : problems) {
            if (p instanceof InvalidInputException e) {
                fields.add(e.field().startsWith("dids") ? "dids" : e.field());
            } else if (p instanceof ConflictException c) {
                // the core's two conflicts: a DID another trunk has, or a name another trunk has
                fields.add(c.getMessage().startsWith("DID ") ? "dids" : "name");
            }
        }
        return fields;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
