package org.hotdesk.web.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3.1 document of the REST API, built from the routes as they were registered. */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Map<Integer, String> REASONS = Map.of(
            400, "the body is not valid JSON or CSV", 401, "no valid bearer token",
            403, "the token may not do this (another tenant, or not an admin)", 404, "no such resource",
            409, "conflicts with the current state", 412, "If-Match names a version that is no longer current",
            422, "a field is invalid; details name each", 429, "too many failed attempts from this address");

    private OpenApiDocument() {
    }

    public static Map<String, Object> build(String version, List<ApiOperation> operations) {
        JsonSchemas schemas = new JsonSchemas();
        Map<String, Object> paths = new TreeMap<>();
        for (ApiOperation op : operations) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(op.path(), p -> new LinkedHashMap<>());
            item.put(op.method(), operation(op, schemas));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "hotdesk REST API", "version", version,
                "description", "Hot-desking server: tenants, users, desks, sessions, login codes. "
                        + "Send 'Authorization: Bearer <token>'. Errors are {error, message, details}."));
        // relative to where the document was fetched from (OpenAPI 3.1 §4.8.5): the server that serves it, whatever
        // host name the admin reached it by; the paths carry /api/v1 themselves
        doc.put("servers", List.of(Map.of("url", "/", "description", "the hotdesk server this document came from")));
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas.components());
        components.put("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")));
        doc.put("components", components);
        return doc;
    }

    private static Map<String, Object> operation(ApiOperation op, JsonSchemas schemas) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tags", List.of(op.tag()));
        o.put("summary", op.summary());
        if (!op.access().isEmpty()) {
            o.put("description", "Who may call it: " + op.access() + ".");
        }
        o.put("operationId", op.method() + op.path().replaceAll("[^A-Za-z0-9]+", "_"));
        List<Object> parameters = new ArrayList<>();
        Matcher m = PATH_PARAMETER.matcher(op.path());
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true,
                    "schema", Map.of("type", "string")));
        }
        for (ApiOperation.QueryParameter q : op.query()) {
            parameters.add(Map.of("name", q.name(), "in", "query", "required", false, "description", q.description(),
                    "schema", Map.of("type", q.type())));
        }
        if (!parameters.isEmpty()) {
            o.put("parameters", parameters);
        }
        if (op.body() != null) {
            Map<String, Object> schema = op.mediaType().equals("application/json")
                    ? schemas.of(op.body()) : Map.of("type", "string");
            o.put("requestBody", Map.of("required", true, "content", Map.of(op.mediaType(), Map.of("schema", schema))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> success = new LinkedHashMap<>();
        success.put("description", op.status() == 204 ? "done, no body" : "success");
        if (op.response() != null) {
            Map<String, Object> schema = op.response() == String.class ? Map.of("type", "string") : schemas.of(op.response());
            if (op.list()) {
                schema = Map.of("type", "array", "items", schema);
                success.put("headers", Map.of("X-Total-Count", Map.of("description", "items in all pages",
                        "schema", Map.of("type", "integer"))));
            }
            // a record answer is JSON even where the body was CSV (an import's report)
            String answerType = op.response() == String.class ? op.mediaType() : "application/json";
            success.put("content", Map.of(answerType, Map.of("schema", schema)));
        }
        responses.put(Integer.toString(op.status()), success);
        Map<String, Object> errorRef = schemas.of(org.hotdesk.web.ApiError.class);
        for (int code : op.errors()) {
            responses.put(Integer.toString(code), Map.of("description", REASONS.getOrDefault(code, "error"),
                    "content", Map.of("application/json", Map.of("schema", errorRef))));
        }
        o.put("responses", responses);
        o.put("security", op.authenticated() ? List.of(Map.of("bearer", List.of())) : List.of());
        return o;
    }
}
