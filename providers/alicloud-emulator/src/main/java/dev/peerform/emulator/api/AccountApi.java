package dev.peerform.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The few calls of other Alibaba Cloud products that configurations make next to the VPC API, answered at the same
 * endpoint: STS GetCallerIdentity (the caller's account), ECS DescribeRegions and DescribeZones (every region
 * has the zones {@code <region>-a}, {@code -b}, {@code -c}, where vSwitches and instances may be created), and
 * Resource Manager ListResourceGroups (each account has its default group, nothing else).
 */
final class AccountApi {

    static final Set<String> ACTIONS = Set.of("GetCallerIdentity", "DescribeRegions", "DescribeZones",
            "ListResourceGroups");

    /** The public regions, with their names as the console shows them. */
    private static final List<String[]> REGIONS = List.of(
            new String[] {"cn-qingdao", "China (Qingdao)"}, new String[] {"cn-beijing", "China (Beijing)"},
            new String[] {"cn-zhangjiakou", "China (Zhangjiakou)"},
            new String[] {"cn-huhehaote", "China (Hohhot)"}, new String[] {"cn-wulanchabu", "China (Ulanqab)"},
            new String[] {"cn-hangzhou", "China (Hangzhou)"}, new String[] {"cn-shanghai", "China (Shanghai)"},
            new String[] {"cn-shenzhen", "China (Shenzhen)"}, new String[] {"cn-heyuan", "China (Heyuan)"},
            new String[] {"cn-guangzhou", "China (Guangzhou)"}, new String[] {"cn-chengdu", "China (Chengdu)"},
            new String[] {"cn-hongkong", "China (Hong Kong)"}, new String[] {"ap-northeast-1", "Japan (Tokyo)"},
            new String[] {"ap-southeast-1", "Singapore"}, new String[] {"ap-southeast-3", "Malaysia (Kuala Lumpur)"},
            new String[] {"ap-southeast-5", "Indonesia (Jakarta)"}, new String[] {"us-east-1", "US (Virginia)"},
            new String[] {"us-west-1", "US (Silicon Valley)"}, new String[] {"eu-west-1", "UK (London)"},
            new String[] {"eu-central-1", "Germany (Frankfurt)"});
    private static final List<String> ZONE_LETTERS = List.of("a", "b", "c");
    private static final List<String> RESOURCES = List.of("Instance", "Disk", "VSwitch", "IoOptimized", "Slb",
            "Rds");
    private static final List<String> INSTANCE_TYPES = List.of("ecs.g6.large", "ecs.g6.xlarge", "ecs.g7.large",
            "ecs.c6.large", "ecs.r6.large", "ecs.t5-lc1m1.small", "ecs.n4.small");
    private static final List<String> DISKS = List.of("cloud", "cloud_efficiency", "cloud_ssd", "cloud_essd");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AccountApi() {
    }

    /** The id of an account's default resource group. */
    static String defaultResourceGroup(String account) {
        return "rg-acfm" + account;
    }

    static void dispatch(String account, String action, Params p, ObjectNode out) {
        switch (action) {
            case "GetCallerIdentity" -> out.put("AccountId", account).put("UserId", account)
                    .put("PrincipalId", account).put("IdentityType", "Account")
                    .put("Arn", "acs:ram::" + account + ":root");
            case "DescribeRegions" -> {
                ArrayNode list = out.putObject("Regions").putArray("Region");
                REGIONS.forEach(r -> list.addObject().put("RegionId", r[0]).put("LocalName", r[1])
                        .put("RegionEndpoint", "ecs." + r[0] + ".aliyuncs.com").put("Status", "available"));
            }
            case "DescribeZones" -> {
                String region = p.required("RegionId");
                ArrayNode list = out.putObject("Zones").putArray("Zone");
                for (String letter : ZONE_LETTERS) {
                    ObjectNode z = list.addObject().put("ZoneId", region + "-" + letter)
                            .put("LocalName", region + " zone " + letter.toUpperCase());
                    strings(z.putObject("AvailableResourceCreation").putArray("ResourceTypes"), RESOURCES);
                    strings(z.putObject("AvailableInstanceTypes").putArray("InstanceTypes"), INSTANCE_TYPES);
                    strings(z.putObject("AvailableDiskCategories").putArray("DiskCategories"), DISKS);
                }
            }
            case "ListResourceGroups" -> {
                ArrayNode list = out.putObject("ResourceGroups").putArray("ResourceGroup");
                list.addObject().put("Id", defaultResourceGroup(account)).put("Name", "default")
                        .put("DisplayName", "default resource group").put("AccountId", account).put("Status", "OK")
                        .put("CreateDate", "2020-01-01T00:00:00Z");
                out.put("TotalCount", 1).put("PageNumber", 1).put("PageSize", 10);
            }
            default -> throw new IllegalStateException(action);
        }
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }
}
