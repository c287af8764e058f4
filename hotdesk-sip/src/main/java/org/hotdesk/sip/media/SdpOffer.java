package org.hotdesk.sip.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parts of a phone's SDP offer the IVR needs: where to send audio, and which codecs it takes. */
public record SdpOffer(String address, int port, List<Integer> payloadTypes, Integer telephoneEvent) {

    public static Optional<SdpOffer> parse(String sdp) {
        if (sdp == null) return Optional.empty();
        String address = null;
        int port = -1;
        List<Integer> pts = new ArrayList<>();
        Integer dtmf = null;
        boolean inAudio = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("c=IN IP4 ") || line.startsWith("c=IN IP6 ")) {
                if (address == null || inAudio) address = line.substring(9).split("/")[0].trim();
            } else if (line.startsWith("m=")) {
                inAudio = line.startsWith("m=audio ");
                if (inAudio && port < 0) {
                    String[] f = line.split("\\s+");
                    try {
                        port = Integer.parseInt(f[1]);
                        for (int i = 3; i < f.length; i++) pts.add(Integer.parseInt(f[i]));
                    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                        return Optional.empty();
                    }
                }
            } else if (inAudio && line.toLowerCase().startsWith("a=rtpmap:") && line.toLowerCase().contains("telephone-event/8000")) {
                try {
                    dtmf = Integer.parseInt(line.substring(9, line.indexOf(' ')).trim());
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // an unreadable telephone-event line: DTMF falls back to SIP INFO
                }
            }
        }
        if (address == null || port <= 0 || port > 65535) return Optional.empty();
        return Optional.of(new SdpOffer(address, port, List.copyOf(pts), dtmf));
    }

    /** PCMU or PCMA, in the phone's order of preference. */
    public Optional<Codec> codec() {
        for (int pt : payloadTypes) {
            Optional<Codec> c = Codec.forPayloadType(pt);
            if (c.isPresent()) return c;
        }
        return Optional.empty();
    }

    /** The answer: one codec and, when the phone offered it, telephone-event with the phone's payload type. */
    public String answer(String localAddress, int localPort, Codec codec, long sessionId) {
        String formats = codec.payloadType() + (telephoneEvent == null ? "" : " " + telephoneEvent);
        StringBuilder b = new StringBuilder()
                .append("v=0\r\n")
                .append("o=hotdesk ").append(sessionId).append(' ').append(sessionId).append(" IN IP4 ").append(localAddress).append("\r\n")
                .append("s=hotdesk\r\n")
                .append("c=IN IP4 ").append(localAddress).append("\r\n")
                .append("t=0 0\r\n")
                .append("m=audio ").append(localPort).append(" RTP/AVP ").append(formats).append("\r\n")
                .append("a=rtpmap:").append(codec.payloadType()).append(' ').append(codec.name()).append("/8000\r\n");
        if (telephoneEvent != null) {
            b.append("a=rtpmap:").append(telephoneEvent).append(" telephone-event/8000\r\n")
                    .append("a=fmtp:").append(telephoneEvent).append(" 0-15\r\n");
        }
        return b.append("a=ptime:20\r\na=sendrecv\r\n").toString();
    }
}
