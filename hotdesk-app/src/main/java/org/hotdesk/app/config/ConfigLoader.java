package org.hotdesk.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link HotdeskConfig}: the defaults, then the YAML file, then {@code HOTDESK_...} environment
 * variables, each overriding the one before. Everything is checked before anything starts, and the first
 * problem stops the load with the key, the value and where it was set.
 */
public final class ConfigLoader {
    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);
    private static final ConfigSchema<HotdeskConfig> SCHEMA = ConfigSchema.of(HotdeskConfig.class);
    /** {@code HOTDESK_} variables that are not config keys: read by bin/hotdesk, logback.xml and the tests;
     *  HOTDESK_ADMIN_TOKEN is the short name of HOTDESK_SECURITY_ADMIN_TOKEN. */
    private static final Set<String> NOT_KEYS = Set.of("HOTDESK_ADMIN_TOKEN", "HOTDESK_AOT", "HOTDESK_JAVA_OPTS", "HOTDESK_LOG_LEVEL", "HOTDESK_TEST_PG_URL",
            "HOTDESK_TEST_REQUIRE_PEERS");

    private ConfigLoader() {
    }

    /** Loads the config and logs the warnings. */
    public static HotdeskConfig load(Optional<Path> file, Map<String, String> env) {
        LoadedConfig loaded = read(file, env);
        loaded.warnings().forEach(log::warn);
        return loaded.config();
    }

    /** Loads the config and hands back the warnings instead of logging them. */
    public static LoadedConfig read(Optional<Path> file, Map<String, String> env) {
        Map<String, Object> values = SCHEMA.values(HotdeskConfig.DEFAULTS);
        Map<String, String> setAt = new HashMap<>();
        List<RawSetting> settings = new ArrayList<>();
        file.ifPresent(f -> settings.addAll(YamlFile.read(f)));
        settings.addAll(fromEnvironment(env));
        // in the order written, so the first problem reported is the first one in the file
        for (RawSetting setting : settings) {
            if (SCHEMA.isSection(setting.path())) {
                requireSection(setting);
                continue;
            }
            ConfigKey key = SCHEMA.key(setting.path()).orElseThrow(() -> unknownKey(setting));
            try {
                values.put(key.path(), key.convert(setting.value()));
            } catch (ConfigException e) {
                throw e.from(setting.where());
            }
            setAt.put(key.path(), setting.where());
        }
        try {
            return new LoadedConfig(SCHEMA.build(values), unknownVariables(env));
        } catch (ConfigException e) {
            String where = setAt.get(e.key());
            throw where == null ? e : e.from(where);
        }
    }

    private static void requireSection(RawSetting setting) {
        if (!(setting.value() instanceof RawValue.Section || setting.value() instanceof RawValue.Empty)) {
            throw new ConfigException(setting.where() + ": " + setting.path() + " is a section of keys ("
                    + String.join(", ", SCHEMA.namesIn(setting.path())) + "), not a value; was " + setting.value().describe());
        }
    }

    /** A key the config does not have is refused: a typo must not pass silently and leave a default in force. */
    private static ConfigException unknownKey(RawSetting setting) {
        String path = setting.path();
        String section = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
        return new ConfigException(setting.where() + ": unknown key '" + path + "' ("
                + (section.isEmpty() ? "sections are" : "keys in " + section + " are") + ": "
                + String.join(", ", SCHEMA.namesIn(section)) + ")");
    }

    private static List<RawSetting> fromEnvironment(Map<String, String> env) {
        List<RawSetting> settings = new ArrayList<>();
        for (ConfigKey key : SCHEMA.keys()) {
            String value = env.get(key.envName());
            if (value != null) {
                settings.add(new RawSetting(key.path(), new RawValue.Text(value), "environment variable " + key.envName()));
            }
        }
        // the name DESIGN.md and the README promise; the long form, if also set, wins (it comes later)
        String adminToken = env.get("HOTDESK_ADMIN_TOKEN");
        if (adminToken != null) {
            settings.add(0, new RawSetting("security.adminToken", new RawValue.Text(adminToken),
                    "environment variable HOTDESK_ADMIN_TOKEN"));
        }
        return settings;
    }

    /** Not an error: the environment is shared with tests and scripts that have HOTDESK_ variables of their own. */
    private static List<String> unknownVariables(Map<String, String> env) {
        Set<String> keyNames = SCHEMA.keys().stream().map(ConfigKey::envName).collect(Collectors.toSet());
        return env.keySet().stream()
                .filter(name -> name.startsWith(ConfigKey.ENV_PREFIX))
                .filter(name -> !keyNames.contains(name) && !NOT_KEYS.contains(name))
                .sorted()
                .map(name -> "environment variable " + name + " is not a config key; ignored")
                .toList();
    }
}
