package org.hotdesk.core;

import java.time.Clock;
import java.util.random.RandomGenerator;
import org.hotdesk.core.access.AccessService;
import org.hotdesk.core.access.TokenSecrets;
import org.hotdesk.core.audit.AuditTrail;
import org.hotdesk.core.cache.Caches;
import org.hotdesk.core.call.CallService;
import org.hotdesk.core.device.DeviceAccounts;
import org.hotdesk.core.device.DeviceImport;
import org.hotdesk.core.device.DeviceService;
import org.hotdesk.core.device.GatewayService;
import org.hotdesk.core.dialog.DialogWatch;
import org.hotdesk.core.emergency.EmergencyAlerts;
import org.hotdesk.core.event.ConfigChanges;
import org.hotdesk.core.event.DeviceEvents;
import org.hotdesk.core.event.EditReactions;
import org.hotdesk.core.forwarding.ForwardingService;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.login.LoginAttempts;
import org.hotdesk.core.login.LoginCounts;
import org.hotdesk.core.login.LoginService;
import org.hotdesk.core.login.OtpService;
import org.hotdesk.core.login.PhoneKeySwitch;
import org.hotdesk.core.routing.Router;
import org.hotdesk.core.security.SecretHasher;
import org.hotdesk.core.session.SessionDeadlines;
import org.hotdesk.core.session.SessionListener;
import org.hotdesk.core.session.SessionService;
import org.hotdesk.core.session.SessionTimers;
import org.hotdesk.core.site.SiteService;
import org.hotdesk.core.tenant.ProvisioningTokens;
import org.hotdesk.core.tenant.TenantService;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.trunk.TrunkDirectory;
import org.hotdesk.core.trunk.TrunkService;
import org.hotdesk.core.usage.UsageReports;
import org.hotdesk.core.user.UserService;
import org.hotdesk.core.webhook.Webhooks;

/**
 * The hot-desk use cases, wired on a set of ports. The app builds one; tests build one per database.
 *
 * @param events        subscribe here to act on logins, logouts and edits a phone shows (re-sync NOTIFY)
 * @param configChanges where those are announced; the server also sends what the command line asked for
 * @param location      who is registered where: the SIP server loads it and keeps it; other processes read the store through it
 * @param emergency     on-site alerts for emergency calls, kept until the alert webhook takes them
 * @param access        API tokens and employees' web sign-in
 * @param webhooks      event webhooks: tenants' URLs told of logins, logouts, lockouts, emergency calls, registrations
 * @param caches        tenants, devices and users held in memory for the hot paths; {@link #ports()} reads through them
 * @param usage         how desks were used over a period: logins by hour, occupancy per site and floor
 * @param trunks        inbound trunks and their DIDs; {@code trunkDirectory} holds them in memory for the router
 * @param forwarding    each person's call forwarding
 * @param router        decides where each new call goes
 * @param dialogs       the calls each person is in right now (busy lamps, pickup)
 */
public record HotdeskCore(TenantService tenants, UserService users, DeviceService devices, GatewayService gateways,
                          DeviceImport imports, LoginService logins,
                          SessionService sessions,
                          OtpService otps, LoginAttempts attempts, SessionTimers timers, DeviceEvents events,
                          ConfigChanges configChanges, CallService calls, LocationService location, EmergencyAlerts emergency,
                          SiteService sites, AccessService access, AuditTrail auditTrail, Caches caches, Ports ports,
                          Webhooks webhooks, UsageReports usage, TrunkService trunks, TrunkDirectory trunkDirectory,
                          ForwardingService forwarding, Router router, DialogWatch dialogs) {

    /** Who is registered where (read-only view of {@link #location()}). */
    public org.hotdesk.core.location.Registrations registrations() {
        return location;
    }

    /**
     * @param clock    the time every rule reads; tests pass a clock they can move
     * @param random   for OTPs and device passwords: a SecureRandom in production
     * @param defaults the settings new tenants start with
     */
    public static HotdeskCore create(Ports storePorts, Clock clock, RandomGenerator random, SecretHasher hasher,
                                     TenantSettings defaults) {
        Caches caches = new Caches(storePorts);
        LoginCounts loginCounts = new LoginCounts();
        Ports ports = caches.ports();
        DeviceEvents events = new DeviceEvents();
        ConfigChanges configChanges = new ConfigChanges(ports.transactions(), ports.devices(), ports.resyncRequests(),
                ports.sessions(), events);
        Webhooks webhooks = new Webhooks(ports.transactions(), ports.webhooks(), ports.tenants(), ports.devices(),
                ports.users(), ports.audit(), clock, random);
        SessionDeadlines deadlines = new SessionDeadlines(ports.tenants(), ports.devices(), ports.sessions());
        LoginAttempts attempts = new LoginAttempts(ports.attempts(), ports.audit(), clock, loginCounts, webhooks);
        SessionService sessions = new SessionService(ports.transactions(), ports.tenants(), ports.devices(),
                ports.sessions(), deadlines, ports.audit(), SessionListener.both(configChanges, webhooks), clock);
        LoginService logins = new LoginService(ports.transactions(), ports.tenants(), ports.devices(), ports.users(),
                ports.otps(), attempts, hasher, sessions, ports.audit(), clock, loginCounts);
        EditReactions reactions = new EditReactions(sessions, deadlines, configChanges,
                new PhoneKeySwitch(ports.devices(), ports.users(), sessions, ports.audit(), clock));
        TenantService tenants = new TenantService(ports.transactions(), ports.tenants(), ports.audit(), clock,
                defaults, new ProvisioningTokens(random), reactions);
        UserService users = new UserService(ports.transactions(), ports.users(), tenants, hasher, ports.audit(), clock,
                reactions);
        DeviceService devices = new DeviceService(ports.transactions(), ports.devices(), ports.sites(), tenants,
                new DeviceAccounts(random), ports.audit(), clock, reactions);
        GatewayService gateways = new GatewayService(ports.transactions(), ports.devices(), ports.gateways(), tenants,
                devices, new DeviceAccounts(random), ports.audit(), clock, reactions);
        DeviceImport imports = new DeviceImport(ports.transactions(), ports.devices(), ports.gateways(), tenants,
                devices, gateways);
        OtpService otps = new OtpService(ports.transactions(), ports.tenants(), ports.users(), ports.otps(),
                ports.audit(), clock, random);
        SessionTimers timers = new SessionTimers(ports.transactions(), ports.tenants(), ports.devices(),
                ports.sessions(), deadlines, sessions, clock);
        CallService calls = new CallService(ports.transactions(), ports.calls(), sessions, clock);
        LocationService location = new LocationService(ports.registrations(), clock);
        location.addListener(webhooks);
        EmergencyAlerts emergency = new EmergencyAlerts(ports.transactions(), ports.emergencyAlerts(), ports.audit(),
                clock, webhooks);
        SiteService sites = new SiteService(ports.transactions(), ports.sites(), ports.audit(), clock);
        TrunkDirectory trunkDirectory = new TrunkDirectory(ports.trunks());
        AccessService access = new AccessService(ports.transactions(), ports.accessTokens(), ports.tenants(),
                ports.users(), attempts, hasher, ports.audit(), clock, new TokenSecrets(random));
        return new HotdeskCore(tenants, users, devices, gateways, imports, logins, sessions, otps, attempts, timers,
                events, configChanges, calls, location, emergency, sites, access, new AuditTrail(ports.audit()), caches,
                ports, webhooks, new UsageReports(tenants, devices, sites, ports.sessions(), clock),
                new TrunkService(ports.transactions(), ports.trunks(), ports.users(), trunkDirectory, ports.audit(), clock),
                trunkDirectory,
                new ForwardingService(ports.transactions(), ports.forwarding(), ports.users(), ports.tenants(),
                        ports.audit(), clock),
                new Router(ports.tenants(), ports.users(), sessions, location, ports.forwarding(), trunkDirectory,
                        ports.emergencyAlerts(), clock),
                new DialogWatch());
    }
}
