package org.hotdesk.provisioning.yealink;

/**
 * Yealink's {@code key = value} format. A value is the rest of its line, so line breaks in names are flattened:
 * one could otherwise start a parameter of its own.
 */
final class CfgWriter {
    private final StringBuilder text = new StringBuilder("#!version:1.0.0.1\n");

    void comment(String comment) {
        text.append("## ").append(flat(comment)).append('\n');
    }

    void set(String key, String value) {
        text.append(key).append(" = ").append(flat(value)).append('\n');
    }

    private static String flat(String value) {
        return value == null ? "" : value.replaceAll("\\p{Cntrl}", " ");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
