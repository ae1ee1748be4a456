package dev.peerform.vpcapi.wire;

import java.util.Set;

/**
 * The Alibaba Cloud products this project calls, each with its own API version and, on the real cloud, its own
 * endpoint: the VPC API for Express Connect, ECS for security groups, instances, regions and zones, STS for the
 * caller's account, Resource Manager for resource groups, and BSS OpenAPI for renewals. {@link #code()} is the
 * official provider's name for the product (its {@code endpoints {}} key and {@code <CODE>_ENDPOINT} variable).
 */
public enum Product {
    VPC("vpc", ApiVersion.VPC),
    ECS("ecs", ApiVersion.ECS),
    STS("sts", "2015-04-01"),
    RESOURCE_MANAGER("resourcemanager", "2020-03-31"),
    BSS("bssopenapi", ApiVersion.BSS);

    /** ECS's actions beyond security groups and instances: the official data sources read regions and zones there. */
    private static final Set<String> ECS_LOOKUPS = Set.of("DescribeRegions", "DescribeZones");

    private final String code;
    private final String version;

    Product(String code, String version) {
        this.code = code;
        this.version = version;
    }

    public String code() {
        return code;
    }

    public String version() {
        return version;
    }

    /**
     * Whether a call of {@code action} may name {@code version}: its product's, or for regions and zones also the
     * VPC API's, which has the same two actions.
     */
    public static boolean accepts(String action, String version) {
        return of(action).version().equals(version) || ECS_LOOKUPS.contains(action) && ApiVersion.VPC.equals(version);
    }

    /** The product a call of {@code action} belongs to; the VPC API unless it is one of the others' actions. */
    public static Product of(String action) {
        if (ApiVersion.ECS_ACTIONS.contains(action) || ECS_LOOKUPS.contains(action)) {
            return ECS;
        }
        if (ApiVersion.BSS_ACTIONS.contains(action)) {
            return BSS;
        }
        return switch (action == null ? "" : action) {
            case "GetCallerIdentity" -> STS;
            case "ListResourceGroups" -> RESOURCE_MANAGER;
            default -> VPC;
        };
    }
}
