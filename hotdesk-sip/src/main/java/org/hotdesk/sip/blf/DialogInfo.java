package org.hotdesk.sip.blf;

import java.util.List;
import org.hotdesk.core.dialog.DialogWatch;

/**
 * The {@code application/dialog-info+xml} document of RFC 4235 §4: a person's calls as a busy lamp shows them.
 * Always the full state (§4.1: {@code state="full"}), so a phone that missed a NOTIFY is right at the next one.
 */
final class DialogInfo {
    static final String CONTENT_TYPE = "application/dialog-info+xml";

    private DialogInfo() {
    }

    /**
     * @param entity   the person's address, e.g. {@code sip:1002@acme.example}
     * @param version  this subscription's document number: 0 first, one more each NOTIFY (§4.1.1)
     * @param ended    a call that has just ended, shown once as terminated so the lamp goes out; null when none
     */
    static String of(String entity, long version, List<DialogWatch.Dialog> dialogs, DialogWatch.Dialog ended,
                     String domain) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"").append(version)
                .append("\" state=\"full\" entity=\"").append(escape(entity)).append("\">\n");
        for (DialogWatch.Dialog d : dialogs) dialog(x, d, domain);
        if (ended != null) dialog(x, ended, domain);
        return x.append("</dialog-info>\n").toString();
    }

    private static void dialog(StringBuilder x, DialogWatch.Dialog d, String domain) {
        String direction = d.direction() == DialogWatch.Direction.INITIATOR ? "initiator" : "recipient";
        String state = switch (d.state()) {
            case EARLY -> "early";
            case CONFIRMED -> "confirmed";
            case TERMINATED -> "terminated";
        };
        x.append("  <dialog id=\"").append(escape(Integer.toHexString(d.callId().hashCode()))).append("\" call-id=\"")
                .append(escape(d.callId())).append("\" direction=\"").append(direction).append("\">\n")
                .append("    <state>").append(state).append("</state>\n");
        if (d.remote() != null) {
            String remote = d.remote().startsWith("+") || d.remote().chars().allMatch(Character::isDigit)
                    ? "sip:" + d.remote() + "@" + domain : d.remote();
            x.append("    <remote><identity>").append(escape(remote)).append("</identity></remote>\n");
        }
        x.append("  </dialog>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
