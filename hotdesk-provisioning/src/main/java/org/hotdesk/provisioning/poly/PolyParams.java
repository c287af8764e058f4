package org.hotdesk.provisioning.poly;

import org.hotdesk.provisioning.render.XmlText;

/**
 * Writes a Poly configuration file: every parameter is an XML attribute ({@code reg.1.label="..."}). The phone goes
 * by the attribute names, not the elements: Wazo puts all of them on one {@code <polycomConfig>} element, FusionPBX's
 * UCS 6.x template groups them under elements of its own naming (both cited in VENDORS.md §2.2). We group by topic
 * under {@code <polycomConfig>} so a reader of the golden files finds the account, the clock and the keys.
 */
final class PolyParams {
    private final StringBuilder out = new StringBuilder();
    private boolean open;

    PolyParams() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<polycomConfig>\n");
    }

    /** Starts a group; the previous one is closed. */
    PolyParams group(String element) {
        closeGroup();
        out.append("  <").append(element).append('\n');
        open = true;
        return this;
    }

    PolyParams param(String name, String value) {
        out.append("    ").append(name).append("=\"").append(XmlText.escape(value)).append("\"\n");
        return this;
    }

    PolyParams param(String name, int value) {
        return param(name, Integer.toString(value));
    }

    String finish() {
        closeGroup();
        return out.append("</polycomConfig>\n").toString();
    }

    private void closeGroup() {
        if (open) {
            out.append("  />\n");
            open = false;
        }
    }
}
