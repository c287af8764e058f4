package org.hotdesk.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.core.tenant.TenantService;
import org.hotdesk.sip.routing.DialString;

/**
 * Recognises emergency calls before anything else looks at a request, so that no limit stands in their way:
 * an INVITE to any tenant's emergency number, and every later request of that call (ACK, BYE, re-INVITE).
 */
final class EmergencyCalls {
    /** A call's requests are recognised this long after its INVITE: longer than any emergency call lasts. */
    private static final Duration CALL_LIFETIME = Duration.ofHours(12);
    private static final Duration NUMBERS_REFRESH = Duration.ofSeconds(30);

    private final TenantService tenants;
    private final Clock clock;
    private final Map<String, Instant> calls = new ConcurrentHashMap<>();
    private volatile Set<String> numbers = Set.of();
    private volatile Instant numbersReadAt = Instant.MIN;

    EmergencyCalls(TenantService tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    boolean isEmergency(SipRequest request) {
        String callId = request.callId();
        if (callId != null && calls.containsKey(callId)) return true;
        if (!request.method().equals("INVITE") || request.inDialog()) return false;
        SipUri uri = request.requestUri();
        if (!uri.isSip() || uri.user() == null) return false;
        if (!emergencyNumbers().contains(DialString.decode(uri.user()))) return false;
        Instant now = clock.instant();
        calls.values().removeIf(started -> started.isBefore(now.minus(CALL_LIFETIME)));
        if (callId != null) calls.put(callId, now);
        return true;
    }

    private Set<String> emergencyNumbers() {
        Instant now = clock.instant();
        if (numbersReadAt.plus(NUMBERS_REFRESH).isBefore(now)) {
            numbers = tenants.list().stream().flatMap(t -> t.settings().emergencyNumbers().stream())
                    .collect(Collectors.toUnmodifiableSet());
            numbersReadAt = now;
        }
        return numbers;
    }
}
