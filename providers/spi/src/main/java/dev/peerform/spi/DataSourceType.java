package dev.peerform.spi;

/** A data source type: its schema; reading is the configured provider's. */
public interface DataSourceType {

    String name();

    Schema schema();
}
