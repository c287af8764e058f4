package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.site.SiteService;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sites are renamed, moved and removed by admins; a site desks still use cannot go, and every change is audited. */
abstract class SitesTest extends BackendTest {
    static final CivicAddress BERLIN = new CivicAddress("Head office", "DE", "BE", "Berlin", "Hauptstr.", "1", "10115",
            "A", null, null, "+49301234560");

    Tenant acme;
    SiteService sites;
    Site hq;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        sites = hd.core().sites();
        hq = sites.create(acme.id(), "HQ", BERLIN, TestHotdesk.ADMIN);
    }

    private Device deskAt(Site site) {
        return hd.core().devices().setSite(acme.id(), hd.device(acme).id(), site, TestHotdesk.ADMIN);
    }

    private List<String> actions() {
        return hd.core().ports().audit().list(acme.id(), 10).stream().map(AuditRecord::action).toList();
    }

    @Test
    void aRenamedSiteKeepsItsDesksAndTheNewAddressReachesThemAtOnce() {
        Device desk = deskAt(hq);
        CivicAddress moved = new CivicAddress("Head office", "DE", "HH", "Hamburg", "Jungfernstieg", "7", "20354",
                null, null, null, null);

        Site changed = sites.update(acme.id(), hq.id(), " Head office ", moved, TestHotdesk.ADMIN);

        assertThat(changed.name()).isEqualTo("Head office");
        assertThat(sites.byName(acme.id(), "Head office").id()).isEqualTo(hq.id());
        assertThatThrownBy(() -> sites.byName(acme.id(), "HQ")).isInstanceOf(NotFoundException.class);
        assertThat(hd.core().devices().addressOf(hd.core().devices().get(acme.id(), desk.id())).city())
                .isEqualTo("Hamburg");
        assertThat(sites.deskCount(acme.id(), hq.id())).isEqualTo(1);
        assertThat(actions()).contains("site.renamed", "site.location_changed");
    }

    @Test
    void updatingOnlyTheNameKeepsTheAddressAndTheOtherWayRound() {
        sites.update(acme.id(), hq.id(), "Head office", null, TestHotdesk.ADMIN);
        assertThat(sites.get(acme.id(), hq.id()).location()).isEqualTo(BERLIN);

        sites.update(acme.id(), hq.id(), null, CivicAddress.NONE, TestHotdesk.ADMIN);
        assertThat(sites.get(acme.id(), hq.id()).name()).isEqualTo("Head office");
        assertThat(sites.get(acme.id(), hq.id()).location()).isEqualTo(CivicAddress.NONE);
    }

    @Test
    void aNameAnotherSiteHasIsRefusedAndNothingChanges() {
        Site branch = sites.create(acme.id(), "Branch", CivicAddress.NONE, TestHotdesk.ADMIN);

        assertThatThrownBy(() -> sites.update(acme.id(), branch.id(), "HQ", BERLIN, TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'HQ' already exists");
        assertThatThrownBy(() -> sites.update(acme.id(), branch.id(), " ", null, TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");

        assertThat(sites.get(acme.id(), branch.id())).isEqualTo(branch);
        assertThat(sites.update(acme.id(), hq.id(), "HQ", null, TestHotdesk.ADMIN)).as("its own name is fine")
                .isEqualTo(hq);
    }

    @Test
    void aSiteDesksStillUseIsNotRemovedAndTheRefusalSaysHowMany() {
        deskAt(hq);
        deskAt(hq);

        assertThatThrownBy(() -> sites.remove(acme.id(), hq.id(), TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("2 desks");

        assertThat(sites.list(acme.id())).containsExactly(hq);
        assertThat(actions()).doesNotContain("site.removed");
    }

    @Test
    void aSiteIsRemovedOnceItsDesksHaveMovedOrGone() {
        Device moved = deskAt(hq);
        Device gone = deskAt(hq);
        hd.core().devices().setSite(acme.id(), moved.id(), null, TestHotdesk.ADMIN);
        hd.core().devices().remove(acme.id(), gone.id(), TestHotdesk.ADMIN);
        assertThat(sites.deskCounts(acme.id())).as("removed desks do not count").isEmpty();

        sites.remove(acme.id(), hq.id(), TestHotdesk.ADMIN);

        assertThat(sites.list(acme.id())).isEmpty();
        assertThatThrownBy(() -> sites.get(acme.id(), hq.id())).isInstanceOf(NotFoundException.class);
        assertThat(actions()).contains("site.removed");
        assertThat(sites.create(acme.id(), "HQ", null, TestHotdesk.ADMIN).name()).as("the name is free again")
                .isEqualTo("HQ");
    }

    @Test
    void deskCountsAreKeptPerSiteAndPerTenant() {
        Site branch = sites.create(acme.id(), "Branch", CivicAddress.NONE, TestHotdesk.ADMIN);
        Site empty = sites.create(acme.id(), "Empty", CivicAddress.NONE, TestHotdesk.ADMIN);
        deskAt(hq);
        deskAt(hq);
        deskAt(branch);
        hd.device(acme);   // at no site
        Tenant other = hd.tenant("other.example");
        Site theirs = sites.create(other.id(), "HQ", CivicAddress.NONE, TestHotdesk.ADMIN);

        Map<Long, Integer> counts = sites.deskCounts(acme.id());

        assertThat(counts).containsOnly(Map.entry(hq.id(), 2), Map.entry(branch.id(), 1));
        assertThat(sites.deskCount(acme.id(), empty.id())).isZero();
        assertThat(sites.deskCounts(other.id())).isEmpty();
        assertThatThrownBy(() -> sites.deskCount(acme.id(), theirs.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherTenantsSiteCannotBeChangedOrRemoved() {
        Tenant other = hd.tenant("other.example");

        assertThatThrownBy(() -> sites.update(other.id(), hq.id(), "Mine", null, TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sites.remove(other.id(), hq.id(), TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
        assertThat(sites.get(acme.id(), hq.id())).isEqualTo(hq);
    }

    @Test
    void everyProblemOfAFormIsNamedAtOnce() {
        Map<String, String> typed = Map.of("country", "Germany", "callbackNumber", "call me", "city", "x".repeat(201));

        List<HotdeskException> problems = sites.problemsOf(acme.id(), null, "HQ", typed::get);

        assertThat(problems).extracting(HotdeskException::getMessage).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("'HQ' already exists"),
                m -> assertThat(m).contains("country", "Germany"),
                m -> assertThat(m).contains("city", "200 characters"),
                m -> assertThat(m).contains("callbackNumber", "callme"));
        assertThat(sites.problemsOf(acme.id(), hq.id(), "HQ", typed::get)).as("a site may keep its own name")
                .hasSize(3);
        assertThat(sites.problemsOf(acme.id(), null, "", n -> null)).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("name", "required"));
    }
}
