package org.hotdesk.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML config file into flat key paths, each with the line it is on. It reads tokens rather than a
 * Jackson tree so that every value keeps its text as written and its line, and so that a key written twice is
 * an error instead of a silent overwrite. Whether a key exists is not its business: {@link ConfigLoader} decides.
 */
final class YamlFile {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final Path file;
    private final Map<String, RawSetting> settings = new LinkedHashMap<>();

    private YamlFile(Path file) {
        this.file = file;
    }

    /** The file's keys in the order written; sections appear as {@link RawValue.Section} before their keys. */
    static List<RawSetting> read(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException("config file " + file + " not found"
                    + (file.isAbsolute() ? "" : " (looked for " + file.toAbsolutePath().normalize() + ")"));
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " is not a file");
        }
        YamlFile yaml = new YamlFile(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = YAML.createParser(reader)) {
            yaml.readDocument(parser);
        } catch (JsonProcessingException e) {
            throw new ConfigException(yaml.syntaxError(e), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return List.copyOf(yaml.settings.values());
    }

    private void readDocument(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null || first == JsonToken.VALUE_NULL) {
            return; // an empty file (or only comments) keeps every default
        }
        if (first != JsonToken.START_OBJECT) {
            throw new ConfigException(at(parser) + ": expected 'key: value' lines at the top level, found " + parser.getText());
        }
        readSection(parser, "");
        if (parser.nextToken() != null) {
            throw new ConfigException(at(parser) + ": a second YAML document ('---'); put every key in one document");
        }
    }

    private void readSection(JsonParser parser, String prefix) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = prefix + parser.currentName();
            String where = at(parser);
            JsonToken token = parser.nextToken();
            RawValue value = switch (token) {
                case START_OBJECT -> new RawValue.Section();
                case START_ARRAY -> readItems(parser, path);
                case VALUE_NULL -> new RawValue.Empty();
                default -> new RawValue.Text(parser.getText());
            };
            RawSetting earlier = settings.putIfAbsent(path, new RawSetting(path, value, where));
            if (earlier != null) {
                throw new ConfigException(where + ": key '" + path + "' is already set at " + earlier.where());
            }
            if (token == JsonToken.START_OBJECT) {
                readSection(parser, path + ".");
            }
        }
    }

    private RawValue readItems(JsonParser parser, String path) throws IOException {
        List<String> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                throw new ConfigException(at(parser) + ": " + path + ": a list of single values is expected, not nested keys or lists");
            }
            if (t != JsonToken.VALUE_NULL) {
                items.add(parser.getText());
            }
        }
        return new RawValue.Items(items);
    }

    private String at(JsonParser parser) {
        return file + " line " + parser.currentTokenLocation().getLineNr();
    }

    private String syntaxError(JsonProcessingException e) {
        // SnakeYAML (under Jackson's YAML parser) knows the exact line of the problem and says it in one phrase
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
                    : " (" + yaml.getContext() + " started at line " + (yaml.getContextMark().getLine() + 1) + ")";
            return file + " line " + (yaml.getProblemMark().getLine() + 1) + ": not valid YAML: " + yaml.getProblem() + context;
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return file + " line " + line + ": not valid YAML: " + e.getOriginalMessage();
    }
}
