package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.trunk.PhoneNumber;
import org.hotdesk.core.trunk.Trunk;
import org.hotdesk.core.trunk.TrunkService;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trunks are added, changed and removed by admins: a DID rings one place only, across every tenant, whether it is
 * written with '+' or without; a bad network, number or extension is named and nothing is saved; every change is
 * audited.
 */
abstract class TrunksTest extends BackendTest {
    Tenant acme;
    Tenant other;
    TrunkService trunks;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        other = hd.tenant("other.example");
        hd.user(acme, "1001", "2581");
        hd.user(acme, "1002", "2582");
        hd.user(other, "2001", "2581");
        trunks = hd.core().trunks();
    }

    private static Map<String, String> dids(String... numberThenExtension) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < numberThenExtension.length; i += 2) m.put(numberThenExtension[i], numberThenExtension[i + 1]);
        return m;
    }

    private List<String> actions(Tenant t) {
        return hd.core().ports().audit().list(t.id(), 20).stream().map(AuditRecord::action).toList();
    }

    @Test
    void aTrunkIsAddedListedChangedAndRemovedAndEachStepIsAudited() {
        Trunk carrier = trunks.create(acme.id(), " Carrier ", List.of("192.0.2.10", "2001:db8::/32"),
                dids("+14155550100", "1001", "14155550101", "1002"), TestHotdesk.ADMIN);

        assertThat(carrier.name()).isEqualTo("Carrier");
        assertThat(carrier.sourceCidrs()).containsExactly("192.0.2.10/32", "2001:db8:0:0:0:0:0:0/32");
        assertThat(trunks.list(acme.id())).containsExactly(carrier);
        assertThat(trunks.get(acme.id(), carrier.id()).dids())
                .containsExactlyInAnyOrderEntriesOf(dids("+14155550100", "1001", "14155550101", "1002"));
        assertThat(hd.core().trunkDirectory().trunkFor("192.0.2.10", new PhoneNumber("14155550100")))
                .as("the router finds it at once").contains(trunks.get(acme.id(), carrier.id()));

        Trunk renamed = trunks.update(acme.id(), carrier.id(), "PBX", null, null, TestHotdesk.ADMIN);
        assertThat(renamed.name()).isEqualTo("PBX");
        assertThat(renamed.sourceCidrs()).as("kept").isEqualTo(carrier.sourceCidrs());
        assertThat(renamed.dids()).as("kept").hasSize(2);

        Trunk moved = trunks.update(acme.id(), carrier.id(), null, List.of("198.51.100.0/24"),
                dids("+14155550199", "1002"), TestHotdesk.ADMIN);
        assertThat(moved.name()).isEqualTo("PBX");
        assertThat(moved.sourceCidrs()).containsExactly("198.51.100.0/24");
        assertThat(moved.dids()).as("the DIDs given replace all").containsExactly(Map.entry("+14155550199", "1002"));
        assertThat(hd.core().trunkDirectory().trunkFor("192.0.2.10", new PhoneNumber("+14155550100"))).isEmpty();

        trunks.remove(acme.id(), carrier.id(), TestHotdesk.ADMIN);
        assertThat(trunks.list(acme.id())).isEmpty();
        assertThatThrownBy(() -> trunks.get(acme.id(), carrier.id())).isInstanceOf(NotFoundException.class);
        assertThat(hd.core().trunkDirectory().fromAddress("198.51.100.7")).isEmpty();
        assertThat(actions(acme)).contains("trunk.created", "trunk.changed", "trunk.removed");
        assertThat(trunks.create(acme.id(), "Carrier 2", List.of("192.0.2.10"), dids("+14155550100", "1001"),
                TestHotdesk.ADMIN).dids()).as("its numbers are free again").hasSize(1);
    }

    @Test
    void aDidWithAndWithoutPlusIsTheSameNumberAndRingsOnePlaceOnly() {
        Trunk first = trunks.create(acme.id(), "Carrier", List.of("192.0.2.10"), dids("+14155550100", "1001"),
                TestHotdesk.ADMIN);

        assertThatThrownBy(() -> trunks.create(acme.id(), "Backup", List.of("192.0.2.20"),
                dids("14155550100", "1002"), TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("14155550100", "trunk 'Carrier'");
        assertThatThrownBy(() -> trunks.create(acme.id(), "Twice", List.of("192.0.2.20"),
                dids("+14155550111", "1001", "14155550111", "1002"), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("given twice");

        assertThat(trunks.list(acme.id())).containsExactly(first);
        assertThat(actions(acme)).containsOnlyOnce("trunk.created");
    }

    @Test
    void anotherTenantCannotTakeADidAndLearnsNotWhoseItIs() {
        trunks.create(acme.id(), "Carrier", List.of("192.0.2.10"), dids("+14155550100", "1001"), TestHotdesk.ADMIN);

        assertThatThrownBy(() -> trunks.create(other.id(), "Theirs", List.of("203.0.113.5"),
                dids("14155550100", "2001"), TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("another company's trunk")
                .hasMessageNotContaining("Carrier").hasMessageNotContaining("acme");

        assertThat(trunks.list(other.id())).isEmpty();
        assertThat(actions(other)).doesNotContain("trunk.created");
        assertThat(hd.core().trunkDirectory().trunkFor("192.0.2.10", new PhoneNumber("+14155550100")))
                .hasValueSatisfying(t -> assertThat(t.tenantId()).isEqualTo(acme.id()));
    }

    @Test
    void aBadNetworkNumberOrExtensionIsNamedAndNothingIsSaved() {
        assertThatThrownBy(() -> trunks.create(acme.id(), "Carrier", List.of("192.0.2.300/24"),
                dids("+14155550100", "1001"), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("sourceCidrs"))
                .hasMessageContaining("192.0.2.300/24");
        assertThatThrownBy(() -> trunks.create(acme.id(), "Carrier", List.of(), dids(), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("sourceCidrs"));
        assertThatThrownBy(() -> trunks.create(acme.id(), "Carrier", List.of("192.0.2.10"),
                dids("call us", "1001"), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("dids"))
                .hasMessageContaining("call us");
        assertThatThrownBy(() -> trunks.create(acme.id(), "Carrier", List.of("192.0.2.10"),
                dids("+14155550100", "2001"), TestHotdesk.ADMIN))
                .as("another tenant's extension is no extension here")
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("dids.+14155550100"))
                .hasMessageContaining("no one has extension 2001");
        assertThatThrownBy(() -> trunks.create(acme.id(), " ", List.of("192.0.2.10"), dids(), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");

        assertThat(trunks.list(acme.id())).isEmpty();
        assertThat(hd.core().trunkDirectory().fromAddress("192.0.2.10")).isEmpty();
        assertThat(actions(acme)).doesNotContain("trunk.created");
    }

    @Test
    void aRefusedChangeLeavesTheTrunkAsItWas() {
        Trunk carrier = trunks.create(acme.id(), "Carrier", List.of("192.0.2.10"), dids("+14155550100", "1001"),
                TestHotdesk.ADMIN);
        trunks.create(acme.id(), "PBX", List.of("192.0.2.20"), dids("+14155550200", "1002"), TestHotdesk.ADMIN);

        assertThatThrownBy(() -> trunks.update(acme.id(), carrier.id(), "PBX", null, null, TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'PBX' already exists");
        assertThatThrownBy(() -> trunks.update(acme.id(), carrier.id(), null, List.of("nowhere"),
                dids("+14155550100", "1099"), TestHotdesk.ADMIN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> trunks.update(acme.id(), carrier.id(), null, null,
                dids("+14155550200", "1001"), TestHotdesk.ADMIN)).isInstanceOf(ConflictException.class);

        assertThat(trunks.get(acme.id(), carrier.id())).isEqualTo(carrier);
        assertThat(trunks.update(acme.id(), carrier.id(), "Carrier", null, null, TestHotdesk.ADMIN).name())
                .as("its own name and numbers are fine").isEqualTo("Carrier");
    }

    @Test
    void anotherTenantsTrunkCannotBeSeenChangedOrRemoved() {
        Trunk carrier = trunks.create(acme.id(), "Carrier", List.of("192.0.2.10"), dids("+14155550100", "1001"),
                TestHotdesk.ADMIN);

        assertThatThrownBy(() -> trunks.get(other.id(), carrier.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trunks.update(other.id(), carrier.id(), "Mine", null, null, TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trunks.remove(other.id(), carrier.id(), TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
        assertThat(trunks.list(other.id())).isEmpty();
        assertThat(trunks.get(acme.id(), carrier.id())).isEqualTo(carrier);
    }

    @Test
    void everyProblemOfAFormIsNamedAtOnce() {
        trunks.create(acme.id(), "Carrier", List.of("192.0.2.10"), dids("+14155550100", "1001"), TestHotdesk.ADMIN);

        List<HotdeskException> problems = trunks.problemsOf(acme.id(), null, "Carrier",
                List.of("192.0.2.10", "10.0.0.0/33"), dids("14155550100", "1002", "12", "1001", "+4930123456", "1099"));

        assertThat(problems).extracting(HotdeskException::getMessage).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("'Carrier' already exists"),
                m -> assertThat(m).contains("sourceCidrs", "10.0.0.0/33"),
                m -> assertThat(m).contains("14155550100", "trunk 'Carrier'"),
                m -> assertThat(m).contains("dids.+4930123456", "1099"));
        assertThat(problems.stream().filter(p -> p instanceof InvalidInputException).map(p -> ((InvalidInputException) p).field()))
                .containsExactlyInAnyOrder("sourceCidrs", "dids.+4930123456");
        assertThat(trunks.list(acme.id())).hasSize(1);
    }
}
