package dev.peerform.vpcapi.wire;

import java.util.Set;

/**
 * The version each call names, its product's ({@link Product}): the VPC OpenAPI's ({@code Version=2016-04-28}) for
 * most, ECS's for security groups, instances, regions and zones, STS's, Resource Manager's, BSS OpenAPI's for
 * renewals; the emulator answers each action only under its own.
 */
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

    /** BSS OpenAPI's version, for renewing a subscription (the official provider refunds one through it). */
    public static final String BSS = "2017-12-14";
    /** The actions of BSS OpenAPI this project calls. */
    public static final Set<String> BSS_ACTIONS = Set.of("RenewInstance");

    /** The version a call of {@code action} names: the client signs with it, the emulator checks it. */
    public static String of(String action) {
        return Product.of(action).version();
    }

    private ApiVersion() {
    }
}
