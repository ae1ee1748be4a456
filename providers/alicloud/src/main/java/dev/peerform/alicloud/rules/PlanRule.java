package dev.peerform.alicloud.rules;

import dev.peerform.diag.Diagnostics;

/** One of the cloud's rules that span resources, checked over the whole planned set before anything is applied. */
interface PlanRule {

    void check(PlannedSet plan, Diagnostics diags);
}
