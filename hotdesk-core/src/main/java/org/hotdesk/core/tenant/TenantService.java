package org.hotdesk.core.tenant;

import java.time.Clock;
import java.util.List;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.event.ConfigChanges;
import org.hotdesk.core.session.SessionDeadlines;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.UserStore;

/** Creating tenants and changing their policies. */
public final class TenantService {
    private final Transactions tx;
    private final TenantStore tenants;
    private final UserStore users;
    private final DeviceStore devices;
    private final AuditLog audit;
    private final SessionDeadlines deadlines;
    private final Clock clock;
    private final TenantSettings defaults;
    private final ProvisioningTokens tokens;
    private final ConfigChanges configChanges;

    public TenantService(Transactions tx, TenantStore tenants, UserStore users, DeviceStore devices, AuditLog audit,
                         SessionDeadlines deadlines, Clock clock, TenantSettings defaults, ProvisioningTokens tokens,
                         ConfigChanges configChanges) {
        this.tx = tx;
        this.tenants = tenants;
        this.users = users;
        this.devices = devices;
        this.audit = audit;
        this.deadlines = deadlines;
        this.clock = clock;
        this.defaults = defaults;
        this.tokens = tokens;
        this.configChanges = configChanges;
    }

    public Tenant create(String name, String domain, Actor actor) {
        String cleanName = requireName(name);
        String cleanDomain = DomainName.normalize(domain);
        return tx.inTransaction(() -> {
            if (tenants.findByDomain(cleanDomain).isPresent()) {
                throw new ConflictException("a tenant with domain " + cleanDomain + " already exists");
            }
            Tenant tenant = tenants.insert(cleanName, cleanDomain, defaults, tokens.next(), clock.instant());
            audit.append(AuditRecord.of(tenant.id(), clock.instant(), actor, "tenant.created",
                    "tenant:" + tenant.id(), null, "domain=" + cleanDomain));
            return tenant;
        });
    }

    public Tenant get(long id) {
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant", id));
    }

    /** A tenant by numeric id or by its domain, as admins type it. */
    public Tenant find(String idOrDomain) {
        if (idOrDomain != null && idOrDomain.matches("[0-9]{1,18}")) {
            return get(Long.parseLong(idOrDomain));
        }
        return tenants.findByDomain(idOrDomain == null ? "" : idOrDomain.trim().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("tenant", idOrDomain));
    }

    public List<Tenant> list() {
        return tenants.list();
    }

    /** Replaces the tenant's settings; open sessions get their timers recomputed under the new policy. */
    public Tenant updateSettings(long tenantId, TenantSettings settings, Actor actor) {
        return updateSettings(tenantId, null, settings, actor);
    }

    /**
     * Replaces the tenant's settings if they are still at {@code expectedVersion} ({@link SettingsVersion}; null:
     * whatever they are), so an edit made on what someone read cannot undo a change saved since. Turning phone-key
     * login off forgets every user's PIN digest in the same transaction, and is refused while desks are provisioned
     * for the phone's own key.
     *
     * @throws ConflictException when the settings changed since that version; nothing is saved
     */
    public Tenant updateSettings(long tenantId, String expectedVersion, TenantSettings settings, Actor actor) {
        if (settings == null) {
            throw new InvalidInputException("settings", "is required");
        }
        return tx.inTransaction(() -> {
            Tenant before = tenants.lockForUpdate(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
            if (expectedVersion != null && !expectedVersion.equals(SettingsVersion.of(before.settings()))) {
                throw new ConflictException("the settings were changed by someone else since version " + expectedVersion
                        + "; nothing was saved");
            }
            boolean phoneKeyOff = before.settings().phoneKeyLogin() && !settings.phoneKeyLogin();
            if (phoneKeyOff) {
                requireNoPhoneKeyDesks(tenantId);
            }
            tenants.updateSettings(tenantId, settings);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "tenant.settings_changed",
                    "tenant:" + tenantId, null, null));
            if (phoneKeyOff) {
                int cleared = users.clearPinDigests(tenantId);
                audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "tenant.pin_digests_cleared",
                        "tenant:" + tenantId, "phone-key login off", cleared + " users"));
            }
            deadlines.recomputeForTenant(tenantId);
            if (phonesShowChangeOf(before.settings(), settings)) {
                configChanges.ofTenant(tenantId, "tenant settings");
            }
            return before.withSettings(settings);
        });
    }

    /** A desk that offers the phone's own hot-desk key would only show its users a login that cannot work. */
    private void requireNoPhoneKeyDesks(long tenantId) {
        List<String> desks = devices.list(tenantId).stream()
                .filter(d -> d.provisioning().mode() == ProvisioningMode.PHONE_KEY).map(Device::label).toList();
        if (!desks.isEmpty()) {
            throw new InvalidInputException("phoneKeyLogin", desks.size() + " desks are provisioned for phone-key login ("
                    + String.join(", ", desks.subList(0, Math.min(5, desks.size()))) + (desks.size() > 5 ? ", ..." : "")
                    + "); switch them to dial-codes first");
        }
    }

    /** The login and logout codes (the idle key), the clock and the provisioning settings are in every phone's file. */
    private static boolean phonesShowChangeOf(TenantSettings before, TenantSettings after) {
        return !before.featureCodes().equals(after.featureCodes())
                || !before.timeZone().equals(after.timeZone())
                || !before.provisioning().equals(after.provisioning());
    }

    /** The tenant whose provisioning URL carries this token; empty for anything else, without saying why. */
    public java.util.Optional<Tenant> byProvisioningToken(String token) {
        return ProvisioningTokens.looksLikeToken(token) ? tenants.findByProvisioningToken(token) : java.util.Optional.empty();
    }

    /** Gives every tenant created before provisioning URLs existed one of its own; run once at start. */
    public void ensureProvisioningTokens(Actor actor) {
        for (Tenant t : tenants.list()) {
            if (t.provisioningToken() == null) {
                // no phone can have used a URL that did not exist: nothing to announce
                tx.run(() -> newProvisioningToken(t.id(), actor));
            }
        }
    }

    /** A new provisioning URL for the tenant, e.g. after the old one leaked; phones need the new one. */
    public Tenant rotateProvisioningToken(long tenantId, Actor actor) {
        return tx.inTransaction(() -> {
            get(tenantId);
            newProvisioningToken(tenantId, actor);
            // the old URL must stop working at once, also when rotated from the command line: announced like a
            // tenant-wide edit (phones still on the old URL then learn at once that it is gone)
            configChanges.ofTenant(tenantId, "provisioning URL");
            return get(tenantId);
        });
    }

    private void newProvisioningToken(long tenantId, Actor actor) {
        tenants.setProvisioningToken(tenantId, tokens.next());
        audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "tenant.provisioning_url_changed",
                "tenant:" + tenantId, null, null));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        if (name.length() > 100) {
            throw new InvalidInputException("name", "must be at most 100 characters");
        }
        return name.trim();
    }
}
