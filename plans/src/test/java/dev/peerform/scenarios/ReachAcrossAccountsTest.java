package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Within one region, a group may authorize the peer's group; across accounts only when the rule names the group's
 * owner account. The cross-account example moved into one region (cn-beijing both sides), with account b's group
 * authorizing account a's group: the cloud would refuse the rule without its owner, so this is what {@code reach
 * -plan} must catch before apply.
 */
class ReachAcrossAccountsTest {

    @TempDir
    Path dir;

    private static String sameRegion(String text) {
        return text.replace("cn-hangzhou", "cn-beijing");
    }

    private Scenario configured(String ruleOwner) throws Exception {
        String main = sameRegion(Files.readString(Path.of("..", "examples", "vpc-peering-cross-account", "main.tf")));
        String instances = sameRegion(Files.readString(Path.of("..", "examples", "vpc-peering-cross-account",
                "instances.tf")));
        String cidrRule = "  cidr_ip           = alicloud_vpc.a.cidr_block\n";
        assertTrue(instances.contains(cidrRule), instances);
        instances = instances.replace(cidrRule, "  source_security_group_id = alicloud_security_group.a.id\n"
                + ruleOwner);
        Files.writeString(dir.resolve("instances.tf"), instances);
        return Scenario.config(main, dir);
    }

    private static Scenario.Run predicted(Scenario s) {
        Scenario.Run plan = s.run("plan", "-out=tfplan");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        return s.run("reach", "alicloud_instance.a", "alicloud_instance.b", "-plan", "tfplan");
    }

    @Test
    void crossAccountGroupRuleWithoutTheOwnerAccountAdmitsNothing() throws Exception {
        Scenario.Run reach = predicted(configured(""));
        assertEquals(3, reach.exitCode(), reach.out() + reach.err());
        assertTrue(reach.out().contains("(ingress)"), reach.out());
        assertTrue(reach.out().contains("source_group_owner_account"), reach.out());
    }

    @Test
    void crossAccountGroupRuleNamingTheOwnerAccountAdmitsThePeer() throws Exception {
        Scenario.Run reach = predicted(configured("  source_group_owner_id    = \"12345678\"\n"));
        assertEquals(0, reach.exitCode(), reach.out() + reach.err());
        assertTrue(reach.out().contains("reachable both ways"), reach.out());
    }
}
