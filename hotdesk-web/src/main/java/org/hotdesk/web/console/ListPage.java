package org.hotdesk.web.console;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page of a long console list, in the order the admin picked: at most {@link #SIZE} rows, so a tenant with
 * 10,000 desks gets a page that loads at once and "Add" is not 20,000 pixels down. The order and page are query
 * parameters ({@code sort}, {@code dir}, {@code page}), so a view can be bookmarked, and links keep the rest of the
 * query (search, filters).
 *
 * @param rows  this page's rows
 * @param page  1-based, within 1..pages
 * @param total rows in the whole (filtered) list
 * @param sort  the column key sorted by; {@code dir} "asc" or "desc"
 * @param query the request's other query parameters, for links
 */
public record ListPage<T>(List<T> rows, int page, int pages, int total, String sort, String dir,
                          Map<String, String> query) {
    public static final int SIZE = 50;

    /**
     * Sorts and cuts {@code all} as the request asks.
     *
     * @param columns the sortable columns by key, the first the default
     */
    public static <T> ListPage<T> of(Context ctx, List<T> all, Map<String, Comparator<T>> columns) {
        String sort = ctx.queryParam("sort");
        if (sort == null || !columns.containsKey(sort)) sort = columns.keySet().iterator().next();
        String dir = "desc".equals(ctx.queryParam("dir")) ? "desc" : "asc";
        Comparator<T> order = columns.get(sort);
        if (dir.equals("desc")) order = order.reversed();
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int page = 1;
        String raw = ctx.queryParam("page");
        if (raw != null && raw.matches("[0-9]{1,6}")) page = Math.min(Math.max(1, Integer.parseInt(raw)), pages);
        List<T> rows = all.stream().sorted(order).skip((long) (page - 1) * SIZE).limit(SIZE).toList();
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty() && !k.equals("page") && !k.equals("sort") && !k.equals("dir")) query.put(k, v.get(0));
        });
        return new ListPage<>(rows, page, pages, all.size(), sort, dir, Map.copyOf(query));
    }

    /** Cuts {@code all} into pages as it is, for a list whose order is its meaning (the live view: newest first). */
    public static <T> ListPage<T> inOrder(Context ctx, List<T> all) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int page = 1;
        String raw = ctx.queryParam("page");
        if (raw != null && raw.matches("[0-9]{1,6}")) page = Math.min(Math.max(1, Integer.parseInt(raw)), pages);
        List<T> rows = all.subList((page - 1) * SIZE, Math.min(all.size(), page * SIZE));
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty() && !k.equals("page")) query.put(k, v.get(0));
        });
        return new ListPage<>(List.copyOf(rows), page, pages, all.size(), "", "asc", Map.copyOf(query));
    }

    /** 1-based number of this page's first row (0 when empty). */
    public int first() {
        return total == 0 ? 0 : (page - 1) * SIZE + 1;
    }

    public int last() {
        return (page - 1) * SIZE + rows.size();
    }

    /** The query string for page {@code n} in this order, filters kept. */
    public String pageLink(int n) {
        return link(sort, dir, n);
    }

    /** The query string sorting by {@code column}: ascending, or the other way round when already sorted by it. */
    public String sortLink(String column) {
        return link(column, column.equals(sort) && dir.equals("asc") ? "desc" : "asc", 1);
    }

    /** "ascending" / "descending" for the column sorted by (aria-sort), "none" for the others. */
    public String ariaSort(String column) {
        return !column.equals(sort) ? "none" : dir.equals("asc") ? "ascending" : "descending";
    }

    private String link(String sortBy, String direction, int n) {
        Map<String, String> params = new LinkedHashMap<>(query);
        if (!sortBy.isEmpty()) {
            params.put("sort", sortBy);
            params.put("dir", direction);
        }
        if (n > 1) params.put("page", String.valueOf(n));
        return "?" + params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
