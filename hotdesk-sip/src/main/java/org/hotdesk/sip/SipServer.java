package org.hotdesk.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.event.SessionEvent;
import org.hotdesk.core.event.Subscription;
import org.hotdesk.core.location.ContactKey;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registrations;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.login.SourceLimits;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.resync.ResyncPolicy;
import org.hotdesk.core.voicemail.MessageWaiting;
import org.hotdesk.sip.auth.DigestAuthenticator;
import org.hotdesk.sip.blf.DialogPackage;
import org.hotdesk.sip.emergency.LocationConveyance;
import org.hotdesk.sip.media.PromptCatalog;
import org.hotdesk.sip.media.RtpPorts;
import org.hotdesk.sip.mwi.MessageSummaryPackage;
import org.hotdesk.sip.mwi.MessageSummaryRelay;
import org.hotdesk.sip.network.Peer;
import org.hotdesk.sip.notify.ResyncNotifier;
import org.hotdesk.sip.registrar.Authentication;
import org.hotdesk.sip.registrar.PhoneKeyLogins;
import org.hotdesk.sip.registrar.RefusalPace;
import org.hotdesk.sip.registrar.Registrar;
import org.hotdesk.sip.registrar.SipAccounts;
import org.hotdesk.sip.routing.CallRouter;
import org.hotdesk.sip.routing.InDialog;
import org.hotdesk.sip.routing.Proxy;
import org.hotdesk.sip.routing.ServerAnswers;
import org.hotdesk.sip.routing.VoiceLogins;
import org.hotdesk.sip.stack.AnswerObserver;
import org.hotdesk.sip.stack.SipTimers;
import org.hotdesk.sip.subscribe.ActiveSubscriptions;
import org.hotdesk.sip.subscribe.EventPackages;
import org.hotdesk.sip.subscribe.ExpiryBounds;
import org.hotdesk.sip.subscribe.Notifier;
import org.hotdesk.sip.subscribe.SubscribeHandler;
import org.hotdesk.sip.transport.SipEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP side of hotdesk: registrar, proxy and re-sync NOTIFYs on one UDP/TCP port, and on a TLS port. Nothing of the SIP
 * stack shows through this class; the rest of the server sees the core and {@link Registrations}.
 */
public final class SipServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipServer.class);
    /**
     * How often changed bindings are written to the database. After a crash at most this much (plus one write's
     * duration) of registrations is lost; those phones are reached again when they next refresh.
     */
    public static final Duration LOCATION_FLUSH_INTERVAL = Duration.ofMillis(200);

    private final SipEndpoint sip;
    private final LocationService location;
    private final Thread loader;
    private final ScheduledExecutorService timers;
    private final ScheduledExecutorService pacer;
    private final PhoneKeyLogins phoneKeys;
    private final ScheduledExecutorService held;
    private final List<Subscription> subscriptions;
    private final ActiveSubscriptions activeSubscriptions;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "location-writer");
        t.setDaemon(true);
        return t;
    });

    private SipServer(SipEndpoint sip, LocationService location, Thread loader, ScheduledExecutorService timers,
                      ScheduledExecutorService pacer, ScheduledExecutorService held, PhoneKeyLogins phoneKeys,
                      List<Subscription> subscriptions, ActiveSubscriptions activeSubscriptions) {
        this.subscriptions = subscriptions;
        this.activeSubscriptions = activeSubscriptions;
        this.phoneKeys = phoneKeys;
        this.held = held;
        this.sip = sip;
        this.location = location;
        this.loader = loader;
        this.timers = timers;
        this.pacer = pacer;
    }

    public static SipServer start(SipConfig config, HotdeskCore core, Clock clock) {
        return start(config, MediaConfig.DEFAULTS, core, clock);
    }

    public static SipServer start(SipConfig config, MediaConfig media, HotdeskCore core, Clock clock) {
        return start(config, media, SourceLimits.DEFAULTS, core, clock);
    }

    public static SipServer start(SipConfig config, MediaConfig media, SourceLimits limits, HotdeskCore core,
                                  Clock clock) {
        return start(config, media, limits, null, core, clock);
    }

    /** @param tls SIP over TLS as well, or null for UDP/TCP only */
    public static SipServer start(SipConfig config, MediaConfig media, SourceLimits limits, SipTls tls,
                                  HotdeskCore core, Clock clock) {
        return start(config, media, new SourceGuard(clock, limits), tls, core, clock);
    }

    /**
     * @param guard the per-address limiter, one instance for every login path of the server, so an address
     *              guessing on one is slowed and blocked on all
     */
    public static SipServer start(SipConfig config, MediaConfig media, SourceGuard guard, SipTls tls,
                                  HotdeskCore core, Clock clock) {
        return start(config, media, guard, tls, core, clock, ResyncPolicy.DEFAULT, new ResyncOutcomes());
    }

    /**
     * @param resyncPolicy   when an unanswered or refused re-sync NOTIFY is sent again
     * @param resyncOutcomes where each desk's last re-sync outcome is kept, for the API and console to show
     */
    public static SipServer start(SipConfig config, MediaConfig media, SourceGuard guard, SipTls tls,
                                  HotdeskCore core, Clock clock, ResyncPolicy resyncPolicy,
                                  ResyncOutcomes resyncOutcomes) {
        return start(config, media, guard, tls, core, clock, resyncPolicy, resyncOutcomes, AnswerObserver.NONE);
    }

    /** @param answers told of the first answer to every request (the server's metrics, {@code SipMetrics}) */
    public static SipServer start(SipConfig config, MediaConfig media, SourceGuard guard, SipTls tls,
                                  HotdeskCore core, Clock clock, ResyncPolicy resyncPolicy,
                                  ResyncOutcomes resyncOutcomes, AnswerObserver answers) {
        return start(config, media, guard, tls, core, clock, resyncPolicy, resyncOutcomes, SipTimers.RFC_3261, answers);
    }

    /** @param transactionTimers RFC 3261's T1, T2, T4; tests shrink them so a NOTIFY goes unanswered in a second */
    static SipServer start(SipConfig config, MediaConfig media, SourceGuard guard, SipTls tls, HotdeskCore core,
                           Clock clock, ResyncPolicy resyncPolicy, ResyncOutcomes resyncOutcomes,
                           SipTimers transactionTimers) {
        return start(config, media, guard, tls, core, clock, resyncPolicy, resyncOutcomes, transactionTimers,
                AnswerObserver.NONE);
    }

    private static SipServer start(SipConfig config, MediaConfig media, SourceGuard guard, SipTls tls,
                                   HotdeskCore core, Clock clock, ResyncPolicy resyncPolicy,
                                   ResyncOutcomes resyncOutcomes, SipTimers transactionTimers,
                                   AnswerObserver answerObserver) {
        LocationService location = core.location();
        // SIP answers while the bindings load (a provider's 100,000 take seconds): phones re-registering after the
        // restart are served at once, each account read alone until the bulk load has them all
        location.open();
        Thread loader = loadBehind(location);
        SipEndpoint sip = SipEndpoint.start(config, tls, transactionTimers, uri -> !uri.isSip() ? java.util.Optional.empty()
                : location.byContact(ContactKey.of(uri.user(), uri.host(), uri.port()))
                        .map(b -> new Peer(b.sourceHost(), b.sourcePort(), b.transport().toLowerCase(java.util.Locale.ROOT))));
        sip.stack().observeAnswers(answerObserver);
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-timers");
            t.setDaemon(true);
            return t;
        });
        // RTP frames leave every 20 ms: their own threads, so nothing else the server does delays them
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "rtp-pacer");
            t.setDaemon(true);
            return t;
        });
        DigestAuthenticator digest = new DigestAuthenticator(clock, Duration.ofSeconds(config.nonceLifetimeSeconds()),
                config.digestAlgorithms());
        RefusalPace pace = new RefusalPace(timers);
        PhoneKeyLogins phoneKeys = new PhoneKeyLogins(core, digest, location, guard, pace, clock);
        Authentication auth = new Authentication(sip.host(), new SipAccounts(core, location), digest, guard, phoneKeys,
                pace);
        Registrar registrar = new Registrar(auth, location, config.registrationExpiry(), clock);
        location.addListener(phoneKeys);
        Proxy proxy = new Proxy(sip.stack(), timers, config.ringTimeoutSeconds());
        ServerAnswers answers = new ServerAnswers(sip.stack(), timers);
        VoiceLogins voice = new VoiceLogins(sip.host(), answers, core,
                new RtpPorts(config.host(), media.rtpPortMin(), media.rtpPortMax()), pacer,
                new PromptCatalog(media.language()), Duration.ofSeconds(media.interDigitSeconds()),
                Duration.ofSeconds(media.callLimitSeconds()), guard);
        CallRouter router = new CallRouter(core, auth, proxy, answers, voice, guard, new LocationConveyance(clock));
        InDialog inDialog = new InDialog(proxy, answers, router);
        ScheduledExecutorService held = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "sip-held");
            t.setDaemon(true);
            return t;
        });
        // subscriptions: one handler per event package; BLF (dialog, RFC 4235) joins message-summary here
        MessageWaiting waiting = new MessageWaiting(core.tenants(), core.users(), core.sessions(), MessageWaiting.SYSTEM);
        ActiveSubscriptions active = new ActiveSubscriptions(timers);
        Notifier subscriptionNotifier = new Notifier(sip.stack(), active);
        DialogPackage lamps = new DialogPackage(core.users(), core.dialogs(), active, subscriptionNotifier);
        core.dialogs().addListener(lamps);
        EventPackages packages = new EventPackages(List.of(new MessageSummaryPackage(waiting), lamps));
        SubscribeHandler subscribe = new SubscribeHandler(sip.stack(), auth, packages, active, subscriptionNotifier,
                new ExpiryBounds(config.minExpires(), config.maxExpires()), core.tenants()::findByDomain);
        MessageSummaryRelay mwi = new MessageSummaryRelay(waiting, core.tenants(), sip.stack(), location, active,
                subscriptionNotifier);
        new SipDispatcher(sip.stack(), inDialog, guard, held, new EmergencyCalls(core.tenants(), clock))
                .listen(registrar, router, proxy, subscribe, packages, mwi);
        ResyncNotifier notifier = new ResyncNotifier(sip.stack(), location, id -> core.tenants().get(id), timers,
                clock, resyncPolicy, resyncOutcomes);
        Subscription resyncs = core.events().subscribe(notifier::onDeviceEvent);
        // after the NOTIFY: the phone that loses its phone-key binding is still told to re-sync
        Subscription bindings = core.events().subscribe(e -> {
            if (e instanceof SessionEvent s) phoneKeys.onSessionEvent(s);
        });
        Subscription lights = core.events().subscribe(mwi::onDeviceEvent);
        SipServer server = new SipServer(sip, location, loader, timers, pacer, held, phoneKeys,
                List.of(resyncs, bindings, lights), active);
        timers.scheduleWithFixedDelay(() -> {
            try {
                server.sweepExpired();
            } catch (RuntimeException e) {
                log.error("registration expiry sweep failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(() -> {
            try {
                location.expire();
            } catch (RuntimeException e) {
                log.error("binding expiry failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        // its own thread: a slow database never holds up the SIP timers
        ScheduledExecutorService writer = server.writer;
        writer.scheduleWithFixedDelay(() -> {
            try {
                location.flush();
            } catch (RuntimeException e) {
                log.error("location write-behind failed", e);
            }
        }, LOCATION_FLUSH_INTERVAL.toMillis(), LOCATION_FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return server;
    }

    /** Reads every stored binding on a thread of its own; a database that fails is asked again until it answers. */
    private static Thread loadBehind(LocationService location) {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    location.loadAll();
                    return;
                } catch (RuntimeException e) {
                    log.error("loading the stored bindings failed, retrying in 1 s", e);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "location-load");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Ends the phone-key sessions whose phone stopped refreshing while no expiry could tell (the server was down);
     * expiries seen live end their session at once (see {@link PhoneKeyLogins#expired}).
     */
    void sweepExpired() {
        int ended = phoneKeys.endExpired();
        if (ended > 0) log.info("phone-key sessions ended by registration expiry count={}", ended);
    }

    /** How many SUBSCRIBE dialogs are in force (every event package). */
    public int subscriptionCount() {
        return activeSubscriptions.size();
    }

    /** Who is registered where. */
    public Registrations registrations() {
        return location;
    }

    public int port() {
        return sip.port();
    }

    /** The SIP over TLS port, or 0 when TLS is off. */
    public int tlsPort() {
        return sip.tlsPort();
    }

    /** The address phones are told to reach this server at. */
    public String host() {
        return sip.host();
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        location.removeListener(phoneKeys);
        timers.shutdownNow();
        pacer.shutdownNow();
        held.shutdownNow();
        sip.close();
        // not interrupted (H2 closes its file when a thread reading or writing it is interrupted): a load still
        // running is waited for, so the database is not closed under it
        try {
            loader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // what the last interval changed: a clean stop loses nothing
        location.flush();
    }
}
