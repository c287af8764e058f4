package org.hotdesk.provisioning.grandstream;

import java.util.ArrayList;
import java.util.List;
import org.hotdesk.provisioning.render.XmlText;

/**
 * The settings of one Grandstream XML file, in the order they were set. Grandstream has two shapes inside the same
 * {@code <gs_provision version="1">} root (VENDORS.md §4.1): config version 1 with one {@code <Pnnn>} element per
 * P-value, and config version 2 with {@code <item name="alias">} elements. Every value is written, empty ones too:
 * an empty element is how a value the previous person left is cleared.
 */
final class GsConfig {
    enum Format {
        P_VALUES(1), ALIASES(2);

        private final int version;

        Format(int version) {
            this.version = version;
        }
    }

    private record Entry(String name, String value) {
    }

    private final Format format;
    private final List<Entry> entries = new ArrayList<>();

    private GsConfig(Format format) {
        this.format = format;
    }

    static GsConfig pValues() {
        return new GsConfig(Format.P_VALUES);
    }

    static GsConfig aliases() {
        return new GsConfig(Format.ALIASES);
    }

    /** A P-value, e.g. {@code p(47, "acme.example")}; only in config version 1. */
    GsConfig p(int number, String value) {
        if (format != Format.P_VALUES) throw new IllegalStateException("P-values belong in config version 1");
        entries.add(new Entry("P" + number, value));
        return this;
    }

    /** An alias, e.g. {@code item("account.1.enable", "Yes")}; only in config version 2. */
    GsConfig item(String name, String value) {
        if (format != Format.ALIASES) throw new IllegalStateException("aliases belong in config version 2");
        entries.add(new Entry(name, value));
        return this;
    }

    String toXml() {
        StringBuilder sb = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<gs_provision version=\"1\">\n")
                .append("  <config version=\"").append(format.version).append("\">\n");
        for (Entry e : entries) {
            String value = XmlText.escape(e.value());
            if (format == Format.P_VALUES) {
                sb.append("    <").append(e.name()).append('>').append(value)
                        .append("</").append(e.name()).append(">\n");
            } else {
                sb.append("    <item name=\"").append(XmlText.escape(e.name())).append("\">").append(value)
                        .append("</item>\n");
            }
        }
        return sb.append("  </config>\n").append("</gs_provision>\n").toString();
    }
}
