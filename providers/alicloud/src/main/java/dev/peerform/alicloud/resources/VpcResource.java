package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.vpcapi.domain.Limits;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code alicloud_vpc}: a VPC, its VRouter and its route table, with the official provider's schema. The name and
 * the CIDR block change in place (ModifyVpcAttribute); what the emulator does not model (description, tags, IPv6,
 * resource group, the system route table's name...) is kept in state as configured and echoed back.
 */
public final class VpcResource extends RenamableResource {

    public static final String TYPE = "alicloud_vpc";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .attr("cidr_block", Type.STRING, "OC")
            .deprecated("classic_link_enabled", Type.BOOL, "O", "Field 'classic_link_enabled' has been deprecated "
                    + "from provider version 1.286.0. The underlying ClassicLink feature has been deprecated by "
                    + "Alibaba Cloud and this field will be removed in a future version.")
            .attr("create_time", Type.STRING, "C")
            .attr("description", Type.STRING, "O")
            .attr("dns_hostname_status", Type.STRING, "OC")
            .attr("dry_run", Type.BOOL, "O")
            .attr("enable_ipv6", Type.BOOL, "OC")
            .attr("force_delete", Type.BOOL, "O")
            .attr("ipv4_cidr_mask", Type.NUMBER, "O")
            .attr("ipv4_ipam_pool_id", Type.STRING, "O")
            .deprecated("ipv6_cidr_block", Type.STRING, "OCF", "Field 'ipv6_cidr_block' has been deprecated from "
                    + "provider version 1.280.0. Please use the new resource 'alicloud_vpc_ipv6_cidr_block'.")
            .attr("ipv6_cidr_blocks", Type.list(Type.object(Map.of("ipv6_isp", Type.STRING, "ipv6_cidr_block",
                    Type.STRING))), "C")
            .deprecated("ipv6_isp", Type.STRING, "OC", "Field 'ipv6_isp' has been deprecated from provider version "
                    + "1.280.0. Please use the new resource 'alicloud_vpc_ipv6_cidr_block'.")
            .attr("is_default", Type.BOOL, "OCF")
            .deprecated("name", Type.STRING, "OC", "Field 'name' has been deprecated since provider version 1.119.0. "
                    + "New field 'vpc_name' instead.")
            .attr("region_id", Type.STRING, "C")
            .attr("resource_group_id", Type.STRING, "OC")
            .attr("route_table_id", Type.STRING, "C")
            .attr("router_id", Type.STRING, "C")
            .deprecated("router_table_id", Type.STRING, "C", "Field 'router_table_id' has been deprecated since "
                    + "provider version 1.221.0. New field 'route_table_id' instead.")
            .deprecated("secondary_cidr_blocks", Type.list(Type.STRING), "OC", "Field 'secondary_cidr_blocks' has "
                    + "been deprecated from provider version 1.185.0. Field 'secondary_cidr_blocks' has been "
                    + "deprecated from provider version 1.185.0 and it will be removed in the future version. Please "
                    + "use the new resource 'alicloud_vpc_ipv4_cidr_block'. `secondary_cidr_blocks` attributes and "
                    + "`alicloud_vpc_ipv4_cidr_block` resource cannot be used at the same time.")
            .deprecated("secondary_cidr_mask", Type.NUMBER, "O", "Field 'secondary_cidr_mask' has been deprecated "
                    + "from provider version 1.248.0. Field 'secondary_cidr_blocks' has been deprecated from provider "
                    + "version 1.248.0 and it will be removed in the future version. Please use the new resource "
                    + "'alicloud_vpc_ipv4_cidr_block'. `secondary_cidr_mask` attributes and "
                    + "`alicloud_vpc_ipv4_cidr_block` resource cannot be used at the same time.")
            .attr("status", Type.STRING, "C")
            .attr("system_route_table_description", Type.STRING, "O")
            .attr("system_route_table_name", Type.STRING, "O")
            .attr("system_route_table_route_propagation_enable", Type.BOOL, "OC")
            .attr("tags", Type.map(Type.STRING), "O")
            .attr("user_cidrs", Type.list(Type.STRING), "OCF")
            .attr("vpc_name", Type.STRING, "OC")
            .timeouts("create", "10m", "update", "5m", "delete", "5m");

    private static final Schema SCHEMA = OFFICIAL.build();
    /** The range the cloud gives a VPC created without a CIDR block. */
    private static final String DEFAULT_CIDR = "172.16.0.0/12";

    public VpcResource() {
        super(TYPE, SCHEMA, OFFICIAL, "VPC", "vpc_name", "name");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        OfficialSchema.warnDeprecated(config, OFFICIAL.deprecations(), diags);
        Checks.cidr(config, "cidr_block", diags);
        String name = ObjectValues.str(config, "name");
        String vpcName = ObjectValues.str(config, "vpc_name");
        if (name != null && vpcName != null) {
            diags.errorOn("vpc_name", "Conflicting configuration arguments",
                    "\"vpc_name\": conflicts with name");
        }
    }

    /** {@code name} and {@code vpc_name} are one value: whichever is configured fills the other. */
    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        PlannedInstance p = PlannedInstance.fromSchema(SCHEMA, prior, config);
        Map<String, Value> planned = new TreeMap<>(p.planned().attributes());
        String name = ObjectValues.str(config, "name");
        String vpcName = ObjectValues.str(config, "vpc_name");
        if (name != null && vpcName == null) {
            planned.put("vpc_name", Value.of(name));
        } else if (vpcName != null && name == null) {
            planned.put("name", Value.of(vpcName));
        }
        return new PlannedInstance(new ObjectValue(planned), p.requiresReplace());
    }

    @Override
    ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException {
        JsonNode r = api.call("CreateVpc", "CidrBlock", ObjectValues.str(current, "cidr_block"), "VpcName",
                ObjectValues.str(current, "vpc_name"), "Description", ObjectValues.str(current, "description"),
                "ClientToken", ctx.clientToken());
        String cidr = ObjectValues.str(current, "cidr_block");
        String name = ObjectValues.str(current, "vpc_name");
        return ObjectValues.settled(ObjectValues.with(current, "id", r.get("VpcId").asText(), "router_id",
                r.get("VRouterId").asText(), "route_table_id", r.get("RouteTableId").asText(), "router_table_id",
                r.get("RouteTableId").asText(), "status", "Available", "region_id", api.region(), "cidr_block",
                cidr != null ? cidr : DEFAULT_CIDR, "vpc_name", name, "name", name));
    }

    @Override
    void rename(Api api, ObjectValue current) throws ApiException {
        api.call("ModifyVpcAttribute", "VpcId", ObjectValues.str(current, "id"), "VpcName",
                ObjectValues.str(current, "vpc_name"), "CidrBlock", ObjectValues.str(current, "cidr_block"),
                "Description", ObjectValues.str(current, "description"));
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteVpc", "VpcId", ObjectValues.str(current, "id"));
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return CloudResource.readByIds(api, priors, "id", Limits.MAX_PAGE_SIZE, VpcResource::describe,
                VpcResource::fromApi);
    }

    /** DescribeVpcs takes up to 50 ids, comma-separated. */
    private static Map<String, JsonNode> describe(Api api, List<String> ids) throws ApiException {
        Map<String, JsonNode> found = new HashMap<>();
        JsonNode r = api.call("DescribeVpcs", "VpcId", String.join(",", ids), "PageSize",
                Integer.toString(Limits.MAX_PAGE_SIZE));
        r.path("Vpcs").path("Vpc").forEach(v -> found.put(v.get("VpcId").asText(), v));
        return found;
    }

    /** The state as the cloud has it; what the emulator does not model keeps its prior (configured) value. */
    private static ObjectValue fromApi(JsonNode v, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>(prior == null ? Map.of() : prior.attributes());
        String table = v.path("RouterTableIds").path("RouterTableIds").path(0).asText();
        m.put("id", Value.of(v.get("VpcId").asText()));
        m.put("cidr_block", Value.of(v.get("CidrBlock").asText()));
        m.put("vpc_name", ObjectValues.strOrNull(Answers.text(v, "VpcName")));
        m.put("name", ObjectValues.strOrNull(Answers.text(v, "VpcName")));
        m.put("router_id", Value.of(v.get("VRouterId").asText()));
        m.put("route_table_id", Value.of(table));
        m.put("router_table_id", Value.of(table));
        m.put("status", Value.of(v.get("Status").asText()));
        if (Answers.text(v, "RegionId") != null) {
            m.put("region_id", Value.of(Answers.text(v, "RegionId")));
        }
        return ObjectValues.settled(ObjectValues.complete(new ObjectValue(m), SCHEMA));
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        return CloudResource.importById(api, id, VpcResource::describe, VpcResource::fromApi);
    }
}
