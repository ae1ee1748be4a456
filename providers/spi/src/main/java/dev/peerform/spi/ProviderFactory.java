package dev.peerform.spi;

import dev.peerform.diag.Diagnostics;
import dev.peerform.value.ObjectValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A provider, found with {@link java.util.ServiceLoader}: its name (the prefix of its resource types), the schema of
 * its {@code provider} block, its resource and data source types (known before configuration, for validation), and
 * how to configure it.
 */
public interface ProviderFactory {

    String name();

    /**
     * Where the provider is published, as a {@code required_providers} source writes it: {@code aliyun/alicloud},
     * or a full {@code host/namespace/name}. The state and the plan JSON name the provider by it. Without one, it
     * is Terraform's default namespace.
     */
    default String source() {
        return "hashicorp/" + name();
    }

    Schema configSchema();

    /** Which attributes of its resource types hold other objects' ids, for configuration written from the cloud. */
    default List<Reference> references() {
        return List.of();
    }

    /**
     * Arguments of {@code type} that configuration written from the cloud leaves out: deprecated ones, and those that
     * repeat another (an instance's {@code subnet_id} is its {@code vswitch_id}, and conflicts with it).
     */
    default Set<String> argumentsNotWritten(String type) {
        return Set.of();
    }

    Map<String, ResourceType> resourceTypes();

    default Map<String, DataSourceType> dataSourceTypes() {
        return Map.of();
    }

    /**
     * Configures one {@code provider} block: {@code key} names it ({@code alicloud}, {@code alicloud.b}), as the
     * changes' {@code provider} field does. {@code workingDir} is the configuration's directory; {@code env} the
     * process environment (for credentials such as ALICLOUD_ACCESS_KEY).
     */
    ConfiguredProvider configure(String key, ObjectValue config, Path workingDir, Map<String, String> env,
            Diagnostics diags);
}
