package dev.peerform.render.hcl;

import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import java.util.Set;

/**
 * One resource to write: its type and block name, the provider configuration that manages it ({@code null} or the
 * provider's own name for the default one), the id it is imported by (null: no import block), its schema and the
 * values read from the cloud, and the deprecated arguments to leave out.
 */
public record WrittenBlock(String type, String name, String providerKey, String importId, Schema schema,
        ObjectValue values, Set<String> deprecated) {

    public WrittenBlock {
        deprecated = Set.copyOf(deprecated);
    }

    /** {@code alicloud_vpc.main}: how other blocks refer to it. */
    public String address() {
        return type + "." + name;
    }
}
