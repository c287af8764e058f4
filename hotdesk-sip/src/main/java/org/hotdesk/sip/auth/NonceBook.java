package org.hotdesk.sip.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digest nonces that carry their own proof, and a fixed-size book of the highest nonce count each has been used
 * with, so checking one costs the same whatever the number of nonces outstanding.
 *
 * <p>A nonce is {@code base64url(issuedAt | sequence | salt | HMAC-SHA256(those, secret)[0..16])}: the HMAC shows it
 * is ours and unchanged, without storing it (the idea of Kamailio's auth module, {@code nonce.h}). Replay protection
 * follows Kamailio's {@code nonce_count}: the sequence picks a slot in a ring of {@value #SLOTS} counters; the slot
 * holds the nonce's generation (sequence / slots) and the highest count used. When the ring has wrapped and a
 * younger nonce owns the slot, the older nonce is answered "stale" and the phone simply asks again, so memory stays
 * bounded (8 MiB) however many challenges go out. A nonce from before a restart has no slot of this run (the
 * secret is new), so nothing replays across restarts either.
 */
final class NonceBook {
    /** 2^20 slots: at 8,000 challenges/s a slot is reused after ~130 s, well past a phone's answer to its 401. */
    static final int SLOTS = 1 << 20;
    private static final int BODY_BYTES = 8 + 8 + 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = BODY_BYTES + MAC_BYTES;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** A slot no nonce of this generation has used: its count is below any real count (which start at 1, or 0). */
    private static final long UNUSED = -1L;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray slots = new AtomicLongArray(SLOTS);
    private final long salt;

    NonceBook(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.salt = random.nextLong();
    }

    /** A new nonce, issued at {@code nowMillis}. */
    String issue(long nowMillis) {
        long seq = sequence.getAndIncrement();
        slots.set(slot(seq), pack(generation(seq), UNUSED));
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES);
        nonce.putLong(nowMillis).putLong(seq).putLong(salt ^ seq * 0x9E3779B97F4A7C15L);
        nonce.put(mac(nonce.array(), BODY_BYTES), 0, MAC_BYTES);
        return B64.encodeToString(nonce.array());
    }

    /** The parts of one of our nonces, or null when this server never issued it (or it was altered). */
    Issued read(String nonce) {
        if (nonce == null || nonce.length() != (NONCE_BYTES * 4 + 2) / 3) return null;
        byte[] raw;
        try {
            raw = B64D.decode(nonce);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length != NONCE_BYTES) return null;
        byte[] expected = mac(raw, BODY_BYTES);
        if (!MessageDigest.isEqual(Arrays.copyOf(expected, MAC_BYTES), Arrays.copyOfRange(raw, BODY_BYTES, NONCE_BYTES))) {
            return null;
        }
        ByteBuffer body = ByteBuffer.wrap(raw);
        return new Issued(body.getLong(), body.getLong());
    }

    /**
     * Records a use of a nonce with {@code count} (the {@code nc} of qop=auth; 0 without qop, which allows one use).
     *
     * @return true when the count is higher than every earlier use of this nonce; false for a replay, or when the
     * nonce's slot now belongs to a younger nonce
     */
    boolean use(Issued nonce, long count) {
        int slot = slot(nonce.sequence());
        long generation = generation(nonce.sequence());
        if (count < 0 || count >= 0xFFFF_FFFFL) return false;
        while (true) {
            long held = slots.get(slot);
            if (generationOf(held) != generation) return false;
            if (count <= countOf(held)) return false;
            // compare-and-set, so two copies of one request cannot both pass
            if (slots.compareAndSet(slot, held, pack(generation, count))) return true;
        }
    }

    record Issued(long issuedAtMillis, long sequence) {
    }

    private static int slot(long seq) {
        return (int) (seq & (SLOTS - 1));
    }

    private static long generation(long seq) {
        return (seq >>> 20) & 0xFFFF_FFFFL;
    }

    /** High 32 bits: the generation; low 32 bits: the highest count + 1 (so UNUSED, -1, packs as 0). */
    private static long pack(long generation, long count) {
        return generation << 32 | ((count + 1) & 0xFFFF_FFFFL);
    }

    private static long generationOf(long packed) {
        return packed >>> 32;
    }

    private static long countOf(long packed) {
        return (packed & 0xFFFF_FFFFL) - 1;
    }

    private byte[] mac(byte[] data, int length) {
        Mac m = macs.get();
        m.update(data, 0, length);
        return m.doFinal();
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (Exception e) {
            throw new IllegalStateException("JDK without HmacSHA256", e);
        }
    }
}
