package org.hotdesk.app.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of a config record tree, read off its components: a record component is a section, any other a
 * key. Translates between the tree and a flat map of key path → value, which is what files and the
 * environment set. Deriving the keys keeps the loader, the environment names and the records from drifting apart.
 */
final class ConfigSchema<T extends Record> {
    private final Class<T> root;
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
    private final Map<String, List<String>> sections = new LinkedHashMap<>();

    private ConfigSchema(Class<T> root) {
        this.root = root;
        describe(root, "");
        Map<String, String> envNames = new HashMap<>();
        for (ConfigKey key : keys.values()) {
            String clash = envNames.put(key.envName(), key.path());
            if (clash != null) {
                throw new IllegalStateException(clash + " and " + key.path() + " share " + key.envName());
            }
        }
    }

    static <T extends Record> ConfigSchema<T> of(Class<T> root) {
        return new ConfigSchema<>(root);
    }

    Collection<ConfigKey> keys() {
        return keys.values();
    }

    Optional<ConfigKey> key(String path) {
        return Optional.ofNullable(keys.get(path));
    }

    boolean isSection(String path) {
        return sections.containsKey(path);
    }

    /** The names directly under a section; "" is the top level. */
    List<String> namesIn(String section) {
        return sections.getOrDefault(section, List.of());
    }

    /** Every key's value in {@code config}, by path. */
    Map<String, Object> values(T config) {
        Map<String, Object> values = new LinkedHashMap<>();
        flatten(config, "", values);
        return values;
    }

    /** The tree holding {@code values}; each record checks its own values as it is built. */
    T build(Map<String, Object> values) {
        return root.cast(build(root, "", values));
    }

    private void describe(Class<?> type, String prefix) {
        List<String> names = new ArrayList<>();
        sections.put(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), names);
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
            String path = prefix + c.getName();
            if (c.getType().isRecord()) {
                describe(c.getType(), path + ".");
            } else {
                keys.put(path, new ConfigKey(path, kindOf(c)));
            }
        }
    }

    private static ConfigKey.Kind kindOf(RecordComponent c) {
        if (c.getType() == int.class) {
            return ConfigKey.Kind.WHOLE_NUMBER;
        }
        if (c.getType() == String.class) {
            return ConfigKey.Kind.TEXT;
        }
        if (c.getType() == List.class && c.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class) {
            return ConfigKey.Kind.LIST;
        }
        throw new IllegalStateException("config key " + c.getDeclaringRecord().getSimpleName() + "." + c.getName()
                + " has type " + c.getGenericType() + "; a key takes int, String or List<String>");
    }

    private static void flatten(Object record, String prefix, Map<String, Object> values) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = read(c, record);
            if (c.getType().isRecord()) {
                flatten(value, prefix + c.getName() + ".", values);
            } else {
                values.put(prefix + c.getName(), value);
            }
        }
    }

    private static Object build(Class<?> type, String prefix, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String path = prefix + c.getName();
            types[i] = c.getType();
            args[i] = c.getType().isRecord() ? build(c.getType(), path + ".", values) : values.get(path);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the record's own verdict on a value, a ConfigException naming the key
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
