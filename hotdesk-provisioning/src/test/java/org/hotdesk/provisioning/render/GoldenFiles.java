package org.hotdesk.provisioning.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendered file with the one checked in under {@code src/test/resources/golden/}. A change to a
 * renderer shows up as a diff there, which a reviewer reads against the vendor's documentation.
 * Run with {@code -Dgolden.update=true} to rewrite the files after a deliberate change (then read the diff).
 */
public final class GoldenFiles {
    private static final Path ROOT = Path.of("src/test/resources/golden");

    private GoldenFiles() {
    }

    public static void assertMatches(String name, ConfigFile file) {
        Path path = ROOT.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.body(), StandardCharsets.UTF_8);
            }
            assertThat(Files.exists(path)).as("golden file %s exists (create it with -Dgolden.update=true)", path).isTrue();
            assertThat(file.body()).as("rendered %s", name).isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
