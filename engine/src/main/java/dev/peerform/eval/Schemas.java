package dev.peerform.eval;

import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.ResourceType;

/** The resource and data source types the providers define: what evaluation needs to know of them. */
public interface Schemas {

    /** The type's definition, or null when no provider has it. */
    ResourceType resourceType(String type);

    /** The data source's definition, or null. */
    DataSourceType dataSourceType(String type);
}
