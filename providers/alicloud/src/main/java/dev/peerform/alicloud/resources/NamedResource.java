package dev.peerform.alicloud.resources;

import dev.peerform.spi.Schema;
import java.util.Map;

/**
 * A resource type's name and schema, which every alicloud resource type answers the same way, and, for a type
 * written from the official provider's schema, that schema's timeouts and deprecations.
 */
abstract class NamedResource implements CloudResource {

    private final String name;
    private final Schema schema;
    private final OfficialSchema official;

    NamedResource(String name, Schema schema) {
        this(name, schema, null);
    }

    NamedResource(String name, Schema schema, OfficialSchema official) {
        this.name = name;
        this.schema = schema;
        this.official = official;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Schema schema() {
        return schema;
    }

    @Override
    public Map<String, String> timeouts() {
        return official == null ? Map.of() : official.timeoutDefaults();
    }

    @Override
    public Map<String, String> deprecations() {
        return official == null ? Map.of() : official.deprecations();
    }
}
