package dev.peerform.alicloud.resources;

import dev.peerform.spi.Schema;

/** A resource type's name and schema, which every alicloud resource type answers the same way. */
abstract class NamedResource implements CloudResource {

    private final String name;
    private final Schema schema;

    NamedResource(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Schema schema() {
        return schema;
    }
}
