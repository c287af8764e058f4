package org.hotdesk.provisioning.render;

/** A rendered file, as served to the phone. */
public record ConfigFile(String contentType, String body) {
    public static ConfigFile text(String body) {
        return new ConfigFile("text/plain; charset=utf-8", body);
    }

    public static ConfigFile xml(String body) {
        return new ConfigFile("application/xml; charset=utf-8", body);
    }
}
