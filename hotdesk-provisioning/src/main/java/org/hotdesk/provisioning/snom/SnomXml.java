package org.hotdesk.provisioning.snom;

import org.hotdesk.provisioning.render.XmlText;

/**
 * Writes Snom's XML settings format: one element per setting, {@code idx} for per-identity or per-key settings,
 * and {@code perm} on each (VENDORS.md §3.2, §3.3).
 */
final class SnomXml {
    private final StringBuilder out = new StringBuilder();

    SnomXml open(String element) {
        out.append("  <").append(element).append(">\n");
        return this;
    }

    SnomXml close(String element) {
        out.append("  </").append(element).append(">\n");
        return this;
    }

    /** A phone-wide setting. */
    SnomXml setting(String name, String perm, String value) {
        return element(name, null, perm, value);
    }

    /** A setting of identity (line) {@code idx}. */
    SnomXml setting(String name, int idx, String perm, String value) {
        return element(name, Integer.toString(idx), perm, value);
    }

    /** A function key; {@code idx} is 0-based. */
    SnomXml fkey(int idx, String label, String perm, String value) {
        out.append("    <fkey idx=\"").append(idx).append("\" context=\"active\" label=\"")
                .append(XmlText.escape(label)).append("\" perm=\"").append(perm).append("\">")
                .append(XmlText.escape(value)).append("</fkey>\n");
        return this;
    }

    String document() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<settings>\n" + out + "</settings>\n";
    }

    private SnomXml element(String name, String idx, String perm, String value) {
        out.append("    <").append(name);
        if (idx != null) {
            out.append(" idx=\"").append(idx).append('"');
        }
        out.append(" perm=\"").append(perm).append("\">").append(XmlText.escape(value))
                .append("</").append(name).append(">\n");
        return this;
    }
}
