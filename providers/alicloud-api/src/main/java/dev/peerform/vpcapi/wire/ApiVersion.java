package dev.peerform.vpcapi.wire;

import java.util.Set;

/** The VPC OpenAPI version every call names ({@code Version=2016-04-28}); the emulator answers only this one. */
public final class ApiVersion {

    public static final String VPC = "2016-04-28";
    /** ECS's version, for security groups and instances (same RPC signing). */
    public static final String ECS = "2014-05-26";
    /** The actions of ECS's API this project calls (security groups, network-only instances). */
    public static final Set<String> ECS_ACTIONS = Set.of("CreateSecurityGroup", "ModifySecurityGroupAttribute",
            "ModifySecurityGroupPolicy", "AuthorizeSecurityGroup", "AuthorizeSecurityGroupEgress",
            "RevokeSecurityGroup", "RevokeSecurityGroupEgress", "DescribeSecurityGroups",
            "DescribeSecurityGroupAttribute", "DeleteSecurityGroup", "RunInstances", "DescribeInstances",
            "DeleteInstance", "JoinSecurityGroup", "LeaveSecurityGroup");

    /** The version a call of {@code action} names: the client signs with it, the emulator checks it. */
    public static String of(String action) {
        return ECS_ACTIONS.contains(action) ? ECS : VPC;
    }

    private ApiVersion() {
    }
}
