package org.hotdesk.web.console.users;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.web.pages.PlainMessages;

/**
 * The function keys editor's form: one line per key (type, number, label, a Remove box), in key order, and a few
 * empty lines to add keys. Empty lines and lines ticked Remove are left out; every other line is checked by the
 * core's rules for a key, each wrong line named with what is wrong, so the page can show them all at once.
 *
 * @param rows the lines as typed, each with its problem (lines ticked Remove and empty lines left out)
 * @param keys the keys to store; only meaningful when {@link #ok()}
 */
record UserKeysForm(List<KeyRow> rows, List<FunctionKey> keys) {
    /** Empty lines under the keys, to add that many at a time. */
    static final int NEW_ROWS = 3;

    static UserKeysForm of(Context ctx) {
        List<String> types = ctx.formParams("type");
        List<String> values = ctx.formParams("value");
        List<String> labels = ctx.formParams("label");
        Set<String> removed = Set.copyOf(ctx.formParams("remove"));
        List<KeyRow> rows = new ArrayList<>();
        List<FunctionKey> keys = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            KeyRow typed = new KeyRow(at(types, i), at(values, i).trim(), at(labels, i).trim(), null);
            if (typed.isBlank() || removed.contains(String.valueOf(i))) {
                continue;
            }
            try {
                keys.add(new FunctionKey(FunctionKey.Type.parse(typed.type()), typed.value(), typed.label()));
                rows.add(typed);
            } catch (InvalidInputException e) {
                rows.add(new KeyRow(typed.type(), typed.value(), typed.label(), PlainMessages.of(e)));
            }
        }
        return new UserKeysForm(List.copyOf(rows), List.copyOf(keys));
    }

    boolean ok() {
        return rows.stream().allMatch(r -> r.problem() == null);
    }

    /** "Key 2: Key number: 'abc' is not ..." for every wrong line. */
    String problems() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).problem() != null) {
                lines.add("Key " + (i + 1) + ": " + rows.get(i).problem());
            }
        }
        return String.join("\n", lines);
    }

    /** The lines as the session keeps a refused form (flat text fields), for the page to show again. */
    Map<String, String> typed() {
        Map<String, String> typed = new HashMap<>();
        typed.put("keys.rows", String.valueOf(rows.size()));
        for (int i = 0; i < rows.size(); i++) {
            KeyRow r = rows.get(i);
            typed.put("keys.type." + i, r.type());
            typed.put("keys.value." + i, r.value());
            typed.put("keys.label." + i, r.label());
            if (r.problem() != null) {
                typed.put("keys.problem." + i, r.problem());
            }
        }
        return typed;
    }

    /** The lines {@link #typed} kept, or the stored keys when nothing was kept; then the empty lines to add keys. */
    static List<KeyRow> shown(Map<String, String> typed, List<FunctionKey> stored) {
        List<KeyRow> rows = new ArrayList<>();
        String count = typed.get("keys.rows");
        if (count != null && count.matches("[0-9]{1,3}")) {
            for (int i = 0; i < Integer.parseInt(count); i++) {
                rows.add(new KeyRow(typed.getOrDefault("keys.type." + i, FunctionKey.Type.BLF.id()),
                        typed.getOrDefault("keys.value." + i, ""), typed.getOrDefault("keys.label." + i, ""),
                        typed.get("keys.problem." + i)));
            }
        } else {
            rows.addAll(stored.stream().map(KeyRow::of).collect(Collectors.toList()));
        }
        int room = Math.max(0, Math.min(NEW_ROWS, FunctionKey.MAX_KEYS - rows.size()));
        for (int i = 0; i < room; i++) {
            rows.add(KeyRow.BLANK);
        }
        return rows;
    }

    private static String at(List<String> list, int i) {
        return i < list.size() && list.get(i) != null ? list.get(i) : "";
    }
}
