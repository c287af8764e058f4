package org.hotdesk.web.openapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas (OpenAPI 3.1) of the records the API reads and writes, found by reflection on the records'
 * components, the same components Jackson turns into JSON.
 */
final class JsonSchemas {
    private final Map<String, Object> components = new LinkedHashMap<>();
    private final Map<Class<?>, String> names = new LinkedHashMap<>();

    /** A schema for {@code type}; records are put into the components and referenced. */
    Map<String, Object> of(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", of(p.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", of(p.getActualTypeArguments()[1]));
            }
            return of(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return Map.of("type", "integer");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == double.class || c == Double.class) {
            return Map.of("type", "number");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == LocalTime.class) {
            return Map.of("type", "string", "format", "time");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isRecord()) {
            String name = names.get(c);
            if (name == null) {
                name = uniqueName(c);
                names.put(c, name);
                components.put(name, Map.of()); // placeholder: a record that contains itself must not loop
                Map<String, Object> properties = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    properties.put(rc.getName(), of(rc.getGenericType()));
                }
                components.put(name, Map.of("type", "object", "properties", properties));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        if (List.class.isAssignableFrom(c)) {
            return Map.of("type", "array");
        }
        return Map.of("type", "object");
    }

    /** The record's simple name, or with its enclosing class's in front when two records share it. */
    private String uniqueName(Class<?> c) {
        String name = c.getSimpleName();
        if (components.containsKey(name) && c.getEnclosingClass() != null) {
            name = c.getEnclosingClass().getSimpleName() + name;
        }
        return name;
    }

    Map<String, Object> components() {
        return components;
    }
}
