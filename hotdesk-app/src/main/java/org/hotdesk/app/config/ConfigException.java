package org.hotdesk.app.config;

/**
 * The configuration cannot be used: an unknown key, a bad value, a missing or unreadable file. The message
 * names the key or the file and says what is wrong, so it can be shown to the user as it is.
 */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String message) {
        this(null, message, null);
    }

    public ConfigException(String message, Throwable cause) {
        this(null, message, cause);
    }

    private ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** A bad value of one key: the message reads {@code key: problem}. */
    public static ConfigException forKey(String key, String problem) {
        return new ConfigException(key, key + ": " + problem, null);
    }

    /** The key path this is about ({@code http.port}), or null when it is about the file as a whole. */
    public String key() {
        return key;
    }

    /** The same problem, with where the value came from (a file and line, an environment variable). */
    ConfigException from(String where) {
        return new ConfigException(key, getMessage() + " (" + where + ")", getCause());
    }
}
