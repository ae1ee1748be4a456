package dev.peerform.alicloud;

import dev.peerform.alicloud.adopt.References;
import dev.peerform.alicloud.data.DataSources;
import dev.peerform.alicloud.resources.BgpGroupResource;
import dev.peerform.alicloud.resources.BgpNetworkResource;
import dev.peerform.alicloud.resources.BgpPeerResource;
import dev.peerform.alicloud.resources.CloudResource;
import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.ExpressConnectRouterInterfaceResource;
import dev.peerform.alicloud.resources.InstanceResource;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouteTableAttachmentResource;
import dev.peerform.alicloud.resources.RouteTableResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.alicloud.resources.SecurityGroupResource;
import dev.peerform.alicloud.resources.SecurityGroupRuleResource;
import dev.peerform.alicloud.resources.VbrResource;
import dev.peerform.alicloud.resources.VSwitchResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.Endpoint;
import dev.peerform.alicloud.transport.HttpRpcClient;
import dev.peerform.alicloud.transport.ProductEndpoints;
import dev.peerform.alicloud.transport.VpcClient;
import dev.peerform.alicloud.transport.embedded.EmbeddedCloud;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.ProviderFactory;
import dev.peerform.spi.Reference;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import dev.peerform.vpcapi.domain.Limits;
import dev.peerform.vpcapi.wire.Product;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The alicloud provider: Express Connect resources with the cloud's order and rules built in. Its endpoint is the
 * embedded emulator (the default, {@code .peerform/cloud.json} beside the configuration) or a signed RPC endpoint
 * over HTTP; nothing ever falls back from one to the other.
 */
public final class AlicloudProvider implements ProviderFactory {

    /** The official provider's {@code endpoints {}} keys (one per product); peerform routes vpc, ecs, sts,
     * resourcemanager and bssopenapi, and accepts the rest so that configurations naming them run unchanged. */
    private static final List<String> ENDPOINT_KEYS = List.of(
            "acr", "alb", "alidfs", "alidns", "alikafka", "amqp", "antiddos_public", "arms", "bastionhost", "beebot",
            "bpstudio", "brain_industrial", "cassandra", "cbn", "cbs", "cddc", "cdn", "cds", "chatbot", "clickhouse",
            "cloudauth", "cloudfirewall", "cloudfw", "cloudphone", "cloudsso", "cms", "computenest", "config", "cr",
            "cs", "das", "dataworks_public", "dataworkspublic", "dbfs", "dbs", "dcdn", "ddosbasic", "dds",
            "devopsrdc", "dfs", "dg", "dm", "dms_enterprise", "dmsenterprise", "dns", "drds", "dts", "dysms",
            "dysmsapi", "eais", "ebs", "ecd", "eci", "ecs", "edas", "edasschedulerx", "eds_user", "edsuser", "eflo",
            "eflo_cnp", "eflo_controller", "ehpc", "ehs", "eipanycast", "ens", "ess", "eventbridge", "fc", "fnf",
            "ga", "gaplus", "gdb", "gds", "gpdb", "gwsecd", "hbr", "hcs_sgw", "hitsdb", "imm", "imp", "ims", "iot",
            "kms", "kvstore", "log", "mhub", "mscopensubscription", "mse", "nlb", "oceanbase", "oceanbasepro", "ons",
            "onsproxy", "oos", "opensearch", "oss", "ots", "polardb", "polardbx", "privatelink", "pvtz", "quickbi",
            "quickbi_public", "quotas", "r_kvstore", "ram", "rds", "redisa", "resourcemanager", "resourcesharing",
            "ressharing", "ros", "sae", "sas", "scdn", "schedulerx2", "sddp", "selectdb", "serverless",
            "servicecatalog", "servicemesh", "sgw", "slb", "smartag", "srvcatalog", "sts", "swas", "swas_open",
            "tag", "vod", "vpc", "vpcpeer", "vs", "waf", "waf_openapi");

    private static final Schema CONFIG = Schema.builder()
            .attribute("region", AttributeSchema.optional(Type.STRING))
            .attribute("access_key", AttributeSchema.optional(Type.STRING).asSensitive())
            .attribute("secret_key", AttributeSchema.optional(Type.STRING).asSensitive())
            .attribute("security_token", AttributeSchema.optional(Type.STRING).asSensitive())
            .attribute("profile", AttributeSchema.optional(Type.STRING))
            .attribute("shared_credentials_file", AttributeSchema.optional(Type.STRING))
            .attribute("ecs_role_name", AttributeSchema.optional(Type.STRING))
            .attribute("skip_region_validation", AttributeSchema.optional(Type.BOOL))
            .attribute("configuration_source", AttributeSchema.optional(Type.STRING))
            .attribute("protocol", AttributeSchema.optional(Type.STRING))
            .attribute("endpoint", AttributeSchema.optional(Type.STRING))
            .attribute("account_id", AttributeSchema.optional(Type.STRING))
            .attribute("max_interfaces_per_router", AttributeSchema.optional(Type.NUMBER))
            .attribute("max_interfaces_per_account", AttributeSchema.optional(Type.NUMBER))
            .block("endpoints", new Schema.NestedBlock(Schema.Nesting.SET, endpointsSchema(), 0, 0))
            .block("assume_role", new Schema.NestedBlock(Schema.Nesting.SET, Schema.builder()
                    .attribute("role_arn", AttributeSchema.optional(Type.STRING))
                    .attribute("session_name", AttributeSchema.optional(Type.STRING))
                    .attribute("policy", AttributeSchema.optional(Type.STRING))
                    .attribute("session_expiration", AttributeSchema.optional(Type.NUMBER))
                    .attribute("external_id", AttributeSchema.optional(Type.STRING))
                    .build(), 0, 1))
            .build();

    private static Schema endpointsSchema() {
        Schema.Builder b = Schema.builder();
        ENDPOINT_KEYS.forEach(k -> b.attribute(k, AttributeSchema.optional(Type.STRING)));
        return b.build();
    }

    private final Map<String, CloudResource> resources = new LinkedHashMap<>();
    private final Map<String, DataSourceType> dataSources = DataSources.all();
    /** The embedded emulators of this run, shared by every provider configuration (alias). */
    private final EmbeddedCloud embedded = new EmbeddedCloud();
    /** The configured providers of this run, by key, for rules that span accounts. */
    private final Map<String, ProviderInstance> configured = new LinkedHashMap<>();
    private volatile Map<String, String> environment = Map.of();

    public AlicloudProvider() {
        for (CloudResource r : new CloudResource[] {new VpcResource(), new VbrResource(), new RouterInterfaceResource(),
            new ConnectionResource(), new RouteEntryResource(), new BgpGroupResource(), new BgpPeerResource(),
            new BgpNetworkResource(), new VSwitchResource(), new RouteTableResource(),
            new RouteTableAttachmentResource(), new ExpressConnectRouterInterfaceResource(),
            new SecurityGroupResource(), new SecurityGroupRuleResource(), new InstanceResource()}) {
            resources.put(r.name(), r);
        }
    }

    @Override
    public String name() {
        return "alicloud";
    }

    @Override
    public String source() {
        return "aliyun/alicloud";
    }

    @Override
    public Schema configSchema() {
        return CONFIG;
    }

    @Override
    public Map<String, ResourceType> resourceTypes() {
        return new LinkedHashMap<>(resources);
    }

    @Override
    public Map<String, DataSourceType> dataSourceTypes() {
        return dataSources;
    }

    @Override
    public ConfiguredProvider configure(String key, ObjectValue config, Path workingDir, Map<String, String> env,
            Diagnostics diags) {
        environment = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(env));
        Credentials credentials = Credentials.resolve(config, env);
        String region = credentials.region();
        int perRouter = intOf(config, "max_interfaces_per_router", Limits.INTERFACES_PER_ROUTER);
        int perAccount = intOf(config, "max_interfaces_per_account", Limits.INTERFACES_PER_ACCOUNT);
        Endpoint endpoint;
        try {
            endpoint = Endpoint.parse(first(config, "endpoint", env.get("ALICLOUD_ENDPOINT"), null));
        } catch (IllegalArgumentException e) {
            diags.error("Invalid provider endpoint", e.getMessage(), null);
            return null;
        }
        if (credentials.profileProblem() != null) {
            diags.warning("Profile not read for provider " + key, credentials.profileProblem() + "; the profile "
                    + "gives no keys or region.", null);
        }
        String accessKey = credentials.accessKey();
        String secretKey = credentials.secretKey();
        if (!credentials.hasKeys() && endpoint instanceof Endpoint.Remote) {
            diags.error("No credentials for provider " + key, "No valid credential sources for provider " + key
                    + " were found: set access_key and secret_key (for example from sensitive variables), "
                    + "ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY (or ALIBABA_CLOUD_ACCESS_KEY_ID and "
                    + "ALIBABA_CLOUD_ACCESS_KEY_SECRET) in the environment, or a profile of the aliyun CLI's "
                    + "config file.", null);
            return null;
        }
        if (hasBlock(config, "assume_role")) {
            if (endpoint instanceof Endpoint.Remote) {
                diags.error("assume_role is not supported", "peerform does not call STS AssumeRole for provider "
                        + key + ": assume the role beforehand (for example `aliyun sts AssumeRole`) and give the "
                        + "temporary keys with security_token, or ALICLOUD_SECURITY_TOKEN.", null);
                return null;
            }
            diags.warning("assume_role ignored for provider " + key, "The embedded emulator has no roles; the "
                    + "assume_role block is not used.", null);
        }
        VpcClient client;
        if (endpoint instanceof Endpoint.Remote remote) {
            ProductEndpoints products;
            try {
                products = ProductEndpoints.resolve(remote.uri(), region, endpointOverrides(config, env));
            } catch (IllegalArgumentException e) {
                diags.error("Invalid provider endpoint", e.getMessage() + " (in the endpoints block or its "
                        + "<PRODUCT>_ENDPOINT variable).", null);
                return null;
            }
            client = new HttpRpcClient(products, accessKey, secretKey, credentials.securityToken(),
                    Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        } else {
            try {
                if (!credentials.hasKeys()) {
                    client = embedded.defaultClient(workingDir, env, perRouter, perAccount);
                    diags.warning("Provider " + key + " has no credentials: the embedded emulator's default account "
                            + client.account() + " is used", "", null);
                } else {
                    client = embedded.client(workingDir, env, accessKey, secretKey, perRouter, perAccount);
                }
            } catch (UncheckedIOException e) {
                // a damaged world file (the message names it and what to do), or one that cannot be locked
                diags.error("Cannot open the embedded emulator's world", e.getMessage(), null);
                return null;
            }
            if (client.account() == null) {
                diags.error("Unknown access key", "The embedded emulator has no account with the access key given "
                        + "to provider " + key + ". Its accounts' keys are listed by `peerform emulator serve`; the "
                        + "default world has the README's demonstration keys.", null);
                return null;
            }
        }
        String account = first(config, "account_id", env.get("ALICLOUD_ACCOUNT_ID"), client.account());
        ProviderInstance c = new ProviderInstance(this, key, new Api(client, region, 6, Duration.ofMillis(200)),
                new CloudResource.Account(account), perRouter, perAccount, workingDir);
        configured.put(key, c);
        return c;
    }

    @Override
    public List<Reference> references() {
        return References.all();
    }

    @Override
    public Set<String> argumentsNotWritten(String type) {
        CloudResource r = resources.get(type);
        if (r == null) {
            return Set.of();
        }
        Set<String> out = new HashSet<>(r.deprecations().keySet());
        if (type.equals(InstanceResource.TYPE)) {
            out.addAll(List.of("subnet_id", "vpc_id")); // the vswitch_id's other name, and its vSwitch's VPC
        }
        return out;
    }

    CloudResource resource(String type) {
        return resources.get(type);
    }

    DataSourceType dataSource(String type) {
        return dataSources.get(type);
    }

    /** The environment the provider was configured with (for PEERFORM_PRICE_TABLE). */
    Map<String, String> environment() {
        return environment;
    }

    ProviderInstance configured(String key) {
        return configured.get(key);
    }

    private static String first(ObjectValue config, String name, String fallback, String otherwise) {
        Value v = config.get(name);
        if (v != null && v.isKnown() && !v.isNull()) {
            return v.unmarked().asString();
        }
        return fallback != null && !fallback.isBlank() ? fallback : otherwise;
    }

    /**
     * Per product code, the endpoint the configuration names: the {@code endpoints {}} block first, then the
     * official {@code <CODE>_ENDPOINT} variable ({@code VPC_ENDPOINT}, {@code ECS_ENDPOINT}, ...).
     */
    private static Map<String, String> endpointOverrides(ObjectValue config, Map<String, String> env) {
        Map<String, String> out = new HashMap<>();
        for (Product p : Product.values()) {
            String v = env.get(p.code().toUpperCase(Locale.ROOT) + "_ENDPOINT");
            if (v != null && !v.isBlank()) {
                out.put(p.code(), v);
            }
        }
        Value block = config.get("endpoints");
        if (block != null && block.isKnown() && !block.isNull() && block.unmarked() instanceof SetValue set) {
            for (Value e : set.elements()) {
                if (e.unmarked() instanceof ObjectValue o) {
                    o.attributes().forEach((k, v) -> {
                        if (v.isKnown() && !v.isNull() && !v.unmarked().asString().isBlank()) {
                            out.put(k, v.unmarked().asString());
                        }
                    });
                }
            }
        }
        return out;
    }

    private static boolean hasBlock(ObjectValue config, String name) {
        Value v = config.get(name);
        return v != null && v.isKnown() && !v.isNull() && v.unmarked() instanceof SetValue s && !s.elements().isEmpty();
    }

    private static int intOf(ObjectValue config, String name, int fallback) {
        Value v = config.get(name);
        return v == null || v.isNull() || !v.isKnown() ? fallback : v.asNumber().intValue();
    }
}
