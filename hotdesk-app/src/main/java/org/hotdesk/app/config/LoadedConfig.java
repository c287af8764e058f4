package org.hotdesk.app.config;

import java.util.List;

/**
 * The config and what looked wrong but did not stop it, such as a {@code HOTDESK_...} environment variable
 * that names no key (perhaps a typo, perhaps meant for a test or a script).
 */
public record LoadedConfig(HotdeskConfig config, List<String> warnings) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
