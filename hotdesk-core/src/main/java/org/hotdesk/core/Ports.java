package org.hotdesk.core;

import org.hotdesk.core.access.AccessTokenStore;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.cache.EditGeneration;
import org.hotdesk.core.call.CallStore;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.device.GatewayStore;
import org.hotdesk.core.device.ProvisionCountStore;
import org.hotdesk.core.emergency.EmergencyAlertStore;
import org.hotdesk.core.event.ResyncRequestStore;
import org.hotdesk.core.forwarding.ForwardingStore;
import org.hotdesk.core.location.RegistrationStore;
import org.hotdesk.core.login.AttemptStore;
import org.hotdesk.core.login.OtpStore;
import org.hotdesk.core.session.SessionStore;
import org.hotdesk.core.site.SiteStore;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.trunk.TrunkStore;
import org.hotdesk.core.user.UserStore;
import org.hotdesk.core.webhook.WebhookStore;

/** Everything the core needs from a persistence adapter. */
public record Ports(Transactions transactions, TenantStore tenants, UserStore users, DeviceStore devices,
                    GatewayStore gateways, ProvisionCountStore provisionCounts, ResyncRequestStore resyncRequests,
                    SessionStore sessions, OtpStore otps, AttemptStore attempts, AuditLog audit, CallStore calls,
                    RegistrationStore registrations, EmergencyAlertStore emergencyAlerts,
                    SiteStore sites, AccessTokenStore accessTokens,
                    EditGeneration editGeneration, WebhookStore webhooks,
                    TrunkStore trunks, ForwardingStore forwarding) {
}
