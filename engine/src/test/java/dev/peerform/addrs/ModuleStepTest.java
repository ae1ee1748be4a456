package dev.peerform.addrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleStepTest {

    @Test
    void instanceAddressesReadModuleInstanceKeysAsTerraformWritesThem() {
        InstanceAddress a = InstanceAddress.parse("module.net[\"a.b[1]\"].module.peer[2].terraform_data.x[\"k\"]");
        assertEquals(List.of("net[\"a.b[1]\"]", "peer[2]"), a.resource().modulePath());
        assertEquals(List.of("net", "peer"), ModuleStep.names(a.resource().modulePath()));
        assertEquals("module.net[\"a.b[1]\"].module.peer[2]", a.resource().stateModule());
        assertEquals(new InstanceKey.StringKey("k"), a.key());
        assertEquals("module.net[\"a.b[1]\"].module.peer[2].terraform_data.x[\"k\"]", a.toString());
    }

    @Test
    void stateModulesWithoutKeysStillReadAsBefore() {
        assertEquals(List.of("a", "b"), ModuleStep.ofStateModule("module.a.module.b"));
        assertEquals(List.of(), ModuleStep.ofStateModule(null));
    }

    @Test
    void aModuleAddressIsNotAResourceInstance() {
        assertThrows(IllegalArgumentException.class, () -> InstanceAddress.parse("module.a[0]"));
        assertThrows(IllegalArgumentException.class, () -> InstanceAddress.parse("module.a[x].b.c"));
    }

    @Test
    void addressesSortRootFirstThenByModuleInstanceKeyAsTerraformSortsThem() {
        List<InstanceAddress> list = new ArrayList<>(List.of(
                InstanceAddress.parse("module.m[10].t.a"), InstanceAddress.parse("module.m[9].t.a"),
                InstanceAddress.parse("z.a"), InstanceAddress.parse("module.m.t.a")));
        list.sort(null);
        assertEquals("[z.a, module.m.t.a, module.m[9].t.a, module.m[10].t.a]", list.toString());
    }
}
