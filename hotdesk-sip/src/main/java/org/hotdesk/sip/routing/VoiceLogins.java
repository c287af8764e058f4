package org.hotdesk.sip.routing;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.routing.Caller;
import org.hotdesk.sip.media.Codec;
import org.hotdesk.sip.media.IvrCall;
import org.hotdesk.sip.media.PromptCatalog;
import org.hotdesk.sip.media.Prompts;
import org.hotdesk.sip.media.RtpPorts;
import org.hotdesk.sip.media.RtpSession;
import org.hotdesk.sip.media.SdpOffer;
import org.hotdesk.sip.stack.ServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts voice-menu logins ({@code *77*{ext}*}, {@code *11}): answers with audio and runs the dialog. */
public final class VoiceLogins {
    private static final Logger log = LoggerFactory.getLogger(VoiceLogins.class);

    private final String host;
    private final ServerAnswers answers;
    private final HotdeskCore core;
    private final RtpPorts ports;
    private final ScheduledExecutorService pacer;
    private final PromptCatalog prompts;
    private final Duration interDigit;
    private final Duration callLimit;
    private final SourceGuard guard;

    public VoiceLogins(String host, ServerAnswers answers, HotdeskCore core, RtpPorts ports,
                       ScheduledExecutorService pacer, PromptCatalog prompts, Duration interDigit, Duration callLimit,
                       SourceGuard guard) {
        this.guard = guard;
        this.host = host;
        this.answers = answers;
        this.core = core;
        this.ports = ports;
        this.pacer = pacer;
        this.prompts = prompts;
        this.interDigit = interDigit;
        this.callLimit = callLimit;
    }

    /**
     * A feature code that worked: answers, says so ("You are logged in as extension 1 0 0 1", "You are
     * logged out") and hangs up. A phone that offered no G.711 gets the call connected and ended, silently.
     */
    void confirm(ServerRequest event, Caller.Phone caller, String... promptsThenDigits) {
        Prompts prompts = this.prompts.forLanguage(caller.tenant().settings().promptLanguage());
        Optional<SdpOffer> offer = offerOf(event);
        Optional<Codec> codec = offer.flatMap(SdpOffer::codec);
        if (codec.isEmpty()) {
            answers.answerAndHangUp(event);
            return;
        }
        String callId = event.request().callId();
        DatagramSocket socket;
        try {
            socket = ports.open();
        } catch (IllegalStateException busy) {
            // the login is done: the phone hears nothing rather than an error that says it failed
            log.warn("spoken confirmation skipped: {}", busy.getMessage());
            answers.answerAndHangUp(event);
            return;
        }
        RtpSession rtp = new RtpSession(socket, new InetSocketAddress(offer.get().address(), offer.get().port()),
                codec.get(), offer.get().telephoneEvent(), pacer);
        List<byte[]> parts = new ArrayList<>(promptsThenDigits.length);
        for (String part : promptsThenDigits) {
            if (part.chars().allMatch(Character::isDigit)) parts.addAll(prompts.digits(part, codec.get()));
            else parts.add(prompts.get(part, codec.get()));
        }
        String sdp = offer.get().answer(host, rtp.localPort(), codec.get(), System.currentTimeMillis());
        if (!answers.answer(event, sdp, false, rtp::close, key -> { })) {
            rtp.close();
            return;
        }
        rtp.play(parts).whenComplete((done, error) -> {
            rtp.close();
            answers.hangUp(callId);
        });
    }

    /** @param givenExtension the extension from the dial string, or null to ask for it */
    void start(ServerRequest event, Caller.Phone caller, String givenExtension) {
        Optional<SdpOffer> offer = offerOf(event);
        Optional<Codec> codec = offer.flatMap(SdpOffer::codec);
        if (codec.isEmpty()) {
            event.reply(488, "Voice menu needs PCMU or PCMA");
            return;
        }
        String callId = event.request().callId();
        DatagramSocket socket = ports.open();
        RtpSession rtp = new RtpSession(socket, new InetSocketAddress(offer.get().address(), offer.get().port()),
                codec.get(), offer.get().telephoneEvent(), pacer);
        Actor actor = Actor.device(caller.device().label());
        long deviceId = caller.deviceId();
        String source = event.origin().host();
        IvrCall ivr = new IvrCall(rtp, prompts.forLanguage(caller.tenant().settings().promptLanguage()), givenExtension,
                c -> guard.count(source, "voice-menu PIN",
                        core.logins().login(deviceId, new Credentials.ExtensionPin(c.extension(), c.pin()), actor)),
                interDigit, callLimit, () -> answers.hangUp(callId));
        AtomicReference<Thread> dialog = new AtomicReference<>();
        String sdp = offer.get().answer(host, rtp.localPort(), codec.get(), System.currentTimeMillis());
        boolean answered = answers.answer(event, sdp, false, () -> {
            rtp.close();
            Thread t = dialog.get();
            if (t != null) t.interrupt();
        }, rtp::keyFromInfo);
        if (!answered) {
            rtp.close();
            return;
        }
        log.info("voice login started rtp={} codec={} dtmf={}", rtp.localPort(), codec.get(),
                offer.get().telephoneEvent() == null ? "INFO" : "RFC 4733");
        dialog.set(Thread.ofVirtual().name("ivr-" + callId).start(ivr));
    }

    private static Optional<SdpOffer> offerOf(ServerRequest event) {
        byte[] body = event.request().body();
        return SdpOffer.parse(body.length == 0 ? null : new String(body, StandardCharsets.US_ASCII));
    }
}
