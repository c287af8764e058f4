package org.hotdesk.sip.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Call pickup joins two phones that each sent an offer (the caller's INVITE and the picker's): each gets the other's
 * offer as its answer, so their media flows directly and this server carries signalling only. An answer may list
 * only formats its offer had (RFC 3264 §6.1): the audio formats are cut to those both offered.
 */
final class SdpSwap {
    private SdpSwap() {
    }

    /**
     * The answer to {@code offer}, made of {@code other}'s session description.
     *
     * @return null when the two share no audio format (the pickup cannot connect them)
     */
    static String answer(String offer, String other) {
        Set<String> offered = new LinkedHashSet<>(formats(offer));
        List<String> kept = formats(other).stream().filter(offered::contains).toList();
        if (kept.isEmpty()) return null;
        StringBuilder out = new StringBuilder();
        boolean inAudio = false;
        for (String line : other.split("\r?\n")) {
            if (line.isEmpty()) continue;
            if (line.startsWith("m=")) {
                inAudio = line.startsWith("m=audio ");
                if (inAudio) {
                    String[] parts = line.split(" ");
                    line = String.join(" ", Arrays.copyOfRange(parts, 0, 3)) + " " + String.join(" ", kept);
                }
            } else if (inAudio && (line.startsWith("a=rtpmap:") || line.startsWith("a=fmtp:"))) {
                String format = line.substring(line.indexOf(':') + 1).split(" ")[0];
                if (!kept.contains(format)) continue;
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** The payload formats of the first audio line, in order. */
    private static List<String> formats(String sdp) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=audio ")) {
                String[] parts = line.trim().split(" +");
                return parts.length > 3 ? List.of(Arrays.copyOfRange(parts, 3, parts.length)) : List.of();
            }
        }
        return new ArrayList<>();
    }
}
