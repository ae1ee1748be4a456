package dev.peerform.render.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BlockNamesTest {

    @Test
    void aNameIsTheObjectsOwnInLowerCaseWithUnderscores() {
        assertEquals("qingdao_to_beijing", new BlockNames().name("alicloud_router_interface", "Qingdao-to--Beijing "));
    }

    @Test
    void aNameStartingWithADigitIsPrefixedBecauseHclNamesCannot() {
        assertEquals("r_10_0_0_0_16", new BlockNames().name("alicloud_route_entry", "10.0.0.0/16"));
    }

    @Test
    void anObjectWithoutANameIsNamedAfterItsType() {
        assertEquals("vpc", new BlockNames().name("alicloud_vpc", null));
        assertEquals("vpc", new BlockNames().name("alicloud_vpc", "--"));
    }

    @Test
    void aTakenNameGetsANumberWithinItsTypeOnly() {
        BlockNames names = new BlockNames();
        names.reserve("alicloud_vpc", "app");
        assertEquals("app_2", names.name("alicloud_vpc", "app"));
        assertEquals("app_3", names.name("alicloud_vpc", "App"));
        assertEquals("app", names.name("alicloud_vswitch", "app"));
    }
}
