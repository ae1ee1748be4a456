package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/subscription-renewal end to end (domain.md, "Billing"): the plan prices the subscription initiator, the
 * month passes in the emulator, CI's drift check sees the expired subscription (exit 2), apply renews it; left
 * locked it is shown not forwarding, and once released it is planned for re-creation with the reason.
 */
class SubscriptionRenewalTest {

    @TempDir
    Path dir;

    private static Scenario.Run ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return r;
    }

    @Test
    void theCreatePlanShowsTheInitiatorsMonthlyCostInTextAndJson() throws Exception {
        Scenario s = Scenario.example("subscription-renewal", dir);
        Scenario.Run plan = ok(s.run("plan", "-no-color", "-out=create.plan"));
        assertTrue(plan.out().contains("Cost estimate: +70.00 USD/month\n"), plan.out());
        assertTrue(plan.out().indexOf("Cost estimate") > plan.out().indexOf("Ordered actions"),
                "the cost comes after the ordered actions");
        JsonNode json = new ObjectMapper().readTree(ok(s.run("show", "-json", "create.plan")).out());
        JsonNode cost = json.get("peerform_cost");
        assertEquals("70.00", cost.get("totals").get("diff_monthly_cost").asText());
        assertEquals("alicloud_router_interface.initiator", cost.get("resources").get(0).get("address").asText());
        assertTrue(cost.get("totals").get("complete").asBoolean());
    }

    @Test
    void thePlanJsonStreamCarriesTheCostAsAPeerformCostLineBeforeTheSummary() throws Exception {
        Scenario s = Scenario.example("subscription-renewal", dir);
        Scenario.Run plan = ok(s.run("plan", "-json"));
        ObjectMapper mapper = new ObjectMapper();
        List<String> types = new ArrayList<>();
        JsonNode cost = null;
        for (String line : plan.out().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = mapper.readTree(line);
            types.add(n.get("type").asText());
            if (n.get("type").asText().equals("peerform_cost")) {
                cost = n;
            }
        }
        assertTrue(cost != null, "no peerform_cost line in:\n" + plan.out());
        assertEquals("Cost estimate: +70.00 USD/month", cost.get("@message").asText());
        assertEquals("70.00", cost.get("peerform_cost").get("totals").get("diff_monthly_cost").asText());
        assertEquals(types.indexOf("change_summary") - 1, types.indexOf("peerform_cost"), types.toString());
    }

    @Test
    void anExpiredSubscriptionIsDriftInCiAndApplyRenewsIt() throws Exception {
        Scenario s = Scenario.example("subscription-renewal", dir);
        ok(s.run("apply", "-auto-approve", "-no-color"));
        ok(s.run("emulator", "advance", "40d"));
        Scenario.Run check = s.run("plan", "-detailed-exitcode", "-no-color");
        assertEquals(2, check.exitCode(), check.out() + check.err());
        // aligned to the widest attribute, hidden ones included, as Terraform aligns
        assertTrue(check.out().matches("(?s).*business_status += \"Normal\" -> \"Overdue\".*"), check.out());
        assertTrue(check.out().contains("Subscription overdue") && check.out().contains("is released on"),
                check.out());
        assertTrue(check.out().contains("renew the subscription (RenewInstance)"), check.out());
        ok(s.run("apply", "-auto-approve", "-no-color"));
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-no-color").exitCode(), "renewed: nothing to do");
    }

    @Test
    void aLockedInitiatorIsShownNotForwardingWithItsReleaseDate() throws Exception {
        Scenario s = Scenario.example("subscription-renewal", dir);
        ok(s.run("apply", "-auto-approve", "-no-color"));
        ok(s.run("emulator", "advance", "50d"));
        Scenario.Run check = s.run("plan", "-detailed-exitcode", "-no-color");
        assertEquals(2, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().matches("(?s).*business_status += \"Normal\" -> \"FinancialLocked\".*"),
                check.out());
        assertTrue(check.out().contains("does not forward data") && check.out().contains("will be released on"),
                check.out());
    }

    @Test
    void aReleasedInitiatorIsPlannedForReCreationWithTheReason() throws Exception {
        Scenario s = Scenario.example("subscription-renewal", dir);
        ok(s.run("apply", "-auto-approve", "-no-color"));
        ok(s.run("emulator", "advance", "70d"));
        Scenario.Run check = s.run("plan", "-detailed-exitcode", "-no-color");
        assertEquals(2, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("Subscription released"), check.out());
        assertTrue(check.out().contains("alicloud_router_interface.initiator will be created"), check.out());
    }
}
