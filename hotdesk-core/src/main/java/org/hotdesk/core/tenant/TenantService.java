package org.hotdesk.core.tenant;

import java.time.Clock;
import java.util.List;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.transaction.Transactions;

/** Creating tenants and changing their policies. */
public final class TenantService {
    private final Transactions tx;
    private final TenantStore tenants;
    private final AuditLog audit;
    private final Clock clock;
    private final TenantSettings defaults;
    private final ProvisioningTokens tokens;
    private final TenantListener listener;

    public TenantService(Transactions tx, TenantStore tenants, AuditLog audit, Clock clock, TenantSettings defaults,
                         ProvisioningTokens tokens, TenantListener listener) {
        this.tx = tx;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
        this.defaults = defaults;
        this.tokens = tokens;
        this.listener = listener;
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

    /** The tenant with this id, if any (the hot paths' look-up; served from memory). */
    public java.util.Optional<Tenant> findById(long id) {
        return tenants.findById(id);
    }

    /** The tenant whose SIP domain this is (lower-case), if any. */
    public java.util.Optional<Tenant> findByDomain(String domain) {
        return tenants.findByDomain(domain);
    }

    /**
     * The tenant, its row held until the current transaction ends: what is decided from its settings (a PIN's
     * digest kept or not) cannot then cross a change of them, which locks the same row first.
     */
    public Tenant lockForUpdate(long tenantId) {
        return tenants.lockForUpdate(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
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
            if (before.settings().phoneKeyLogin() && !settings.phoneKeyLogin()) {
                listener.phoneKeyLoginTurningOff(tenantId, actor);
            }
            tenants.updateSettings(tenantId, settings);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "tenant.settings_changed",
                    "tenant:" + tenantId, null, null));
            listener.settingsChanged(tenantId, phonesShowChangeOf(before.settings(), settings));
            return before.withSettings(settings);
        });
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
            listener.provisioningUrlChanged(tenantId);
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
