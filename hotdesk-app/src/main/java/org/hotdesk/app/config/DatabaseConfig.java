package org.hotdesk.app.config;

import java.nio.file.Path;

/** The database: embedded H2 under {@code data/} by default, or PostgreSQL when the URL names it. */
public record DatabaseConfig(String url, String user, String password, int maxPoolSize) {
    public static final DatabaseConfig DEFAULTS =
            new DatabaseConfig("jdbc:h2:file:./data/hotdesk;AUTO_SERVER=TRUE", "", "", 10);

    public DatabaseConfig {
        Require.text("database.url", url);
        if (!url.startsWith("jdbc:")) {
            throw ConfigException.forKey("database.url",
                    "expected a JDBC URL such as jdbc:h2:file:./data/hotdesk or jdbc:postgresql://host/db, was '" + url + "'");
        }
        // an empty YAML value reads as null; both mean "no login", as H2 files and trusted local PostgreSQL need
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        Require.between("database.maxPoolSize", maxPoolSize, 1, 1000);
    }

    /**
     * Where the server keeps its local files (the demo certificate): the embedded database's directory, or
     * {@code data/} for a database elsewhere.
     */
    public Path dataDirectory() {
        String prefix = "jdbc:h2:file:";
        if (url.startsWith(prefix)) {
            String file = url.substring(prefix.length()).split(";", 2)[0];
            Path parent = Path.of(file).getParent();
            if (parent != null) return parent;
        }
        return Path.of("data");
    }

    /** Keeps the password out of logs and error messages that print the config. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
