package org.hotdesk.core.routing;

import java.util.List;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.tenant.FeatureCode;

/** What becomes of a new call: the core decides, the SIP side only carries it out. */
public sealed interface RouteDecision {
    /** A hot-desk feature code: log in or out, or the voice menu. */
    record Code(FeatureCode code) implements RouteDecision {
    }

    /** An emergency number: always connected, idle desk or not, with the desk's location. */
    record Emergency(String dialled) implements RouteDecision {
    }

    /** Refused with this SIP status and reason phrase. */
    record Refused(int status, String reason) implements RouteDecision {
    }

    /**
     * Ring these phones (the person's own devices and every desk they sit at) at once.
     *
     * @param extension  the person rung
     * @param diversions the forwarding steps so far, newest last, each a Diversion header on the INVITEs
     * @param onBusy     what follows when every phone answered busy; null = the caller hears busy
     * @param noAnswer   what follows when no phone answered in time; null = ring until the server's ring timeout
     */
    record Ring(String extension, long userId, List<Registration> targets, List<Diversion> diversions,
                RouteDecision onBusy, NoAnswerStep noAnswer) implements RouteDecision {
        public Ring {
            targets = List.copyOf(targets);
            diversions = List.copyOf(diversions);
        }
    }

    /** After {@code afterSeconds} of ringing unanswered, {@code then}. */
    record NoAnswerStep(int afterSeconds, RouteDecision then) {
    }

    /**
     * Out through the tenant's outbound trunk to {@code number} (a number outside, or forwarded there).
     *
     * @param trunkUri the trunk, e.g. {@code sip:trunk.example.net}; the number goes in its user part
     */
    record Outbound(String trunkUri, String number, List<Diversion> diversions) implements RouteDecision {
        public Outbound {
            diversions = List.copyOf(diversions);
        }
    }

    /**
     * To the voicemail server, for {@code extension}'s mailbox: {@code sip:<extension>@<its host>}.
     *
     * @param uri the Request-URI to send to
     */
    record Voicemail(String uri, String extension, List<Diversion> diversions) implements RouteDecision {
        public Voicemail {
            diversions = List.copyOf(diversions);
        }
    }
}
