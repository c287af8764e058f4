package org.hotdesk.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random damage to valid torture messages (flipped bytes, cuts, repeated lines). Whatever arrives, the
 * parser answers with a message or a MalformedMessageException, and reading a parsed message either works
 * or throws MalformedHeaderException: nothing a remote peer sends may surface as another exception.
 */
class MessageParserFuzzTest {
    private static final String[] SEEDS = {
        "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri", "transports",
        "mpart01", "unreason", "noreason", "unkscm", "novelsc", "unksm2", "bext01", "invut", "regaut01", "bcast",
        "zeromf", "cparam01", "cparam02", "regescrt", "sdp01", "inv2543",
    };
    private static final byte[] INTERESTING = {'\r', '\n', ' ', '\t', ':', ';', ',', '"', '<', '>', '@', '%', '\\', '/', '=', 0, (byte) 0xff, '0', '9'};

    @Test
    void damagedMessagesParseOrAreRefusedCleanly() {
        Random random = new Random(42);
        List<byte[]> seeds = new ArrayList<>();
        for (String name : SEEDS) seeds.add(TortureMessages.load(name));
        int parsed = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] data = mutate(seeds.get(random.nextInt(seeds.size())), random);
            SipMessage m;
            try {
                m = MessageParser.parse(data, 0, data.length);
            } catch (MalformedMessageException e) {
                assertThat(e.reason()).isNotBlank().hasSizeLessThanOrEqualTo(100);
                if (e.request() != null) SipResponse.to(e.request(), 400, e.reason()).toBytes();
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + ": " + e + " for\n" + new String(data, java.nio.charset.StandardCharsets.ISO_8859_1), e);
            }
            parsed++;
            readOrMalformed(round, m::topVia);
            readOrMalformed(round, m::vias);
            readOrMalformed(round, m::from);
            readOrMalformed(round, m::to);
            readOrMalformed(round, m::callId);
            readOrMalformed(round, m::cseq);
            readOrMalformed(round, m::contacts);
            readOrMalformed(round, m::routes);
            readOrMalformed(round, m::recordRoutes);
            readOrMalformed(round, m::expires);
            readOrMalformed(round, m::maxForwards);
            readOrMalformed(round, m::toBytes);
            if (m instanceof SipRequest r) readOrMalformed(round, r::requestUri);
        }
        assertThat(parsed).as("some damaged messages still parse").isGreaterThan(100);
    }

    private static void readOrMalformed(int round, Supplier<?> read) {
        try {
            read.get();
        } catch (MalformedHeaderException expected) {
            // the header is damaged and says which
        } catch (RuntimeException e) {
            fail("round " + round + ": " + e, e);
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            data = switch (random.nextInt(5)) {
                case 0 -> flip(data, random);
                case 1 -> Arrays.copyOf(data, random.nextInt(data.length + 1));
                case 2 -> duplicateLine(data, random);
                case 3 -> interesting(data, random);
                default -> deleteRange(data, random);
            };
            if (data.length == 0) break;
        }
        return data;
    }

    private static byte[] flip(byte[] data, Random random) {
        if (data.length > 0) data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
        return data;
    }

    private static byte[] interesting(byte[] data, Random random) {
        if (data.length > 0) data[random.nextInt(data.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
        return data;
    }

    private static byte[] deleteRange(byte[] data, Random random) {
        if (data.length < 2) return data;
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(20));
        byte[] out = new byte[data.length - (to - from)];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(data, to, out, from, data.length - to);
        return out;
    }

    private static byte[] duplicateLine(byte[] data, Random random) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < data.length - 1; i++) {
            if (data[i] == '\n') starts.add(i + 1);
        }
        int line = random.nextInt(starts.size());
        int from = starts.get(line);
        int to = line + 1 < starts.size() ? starts.get(line + 1) : data.length;
        int at = starts.get(random.nextInt(starts.size()));
        byte[] out = new byte[data.length + (to - from)];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(data, from, out, at, to - from);
        System.arraycopy(data, at, out, at + (to - from), data.length - at);
        return out;
    }
}
