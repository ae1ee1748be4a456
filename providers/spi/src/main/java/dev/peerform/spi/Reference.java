package dev.peerform.spi;

/**
 * That attribute {@code attribute} of a {@code type} holds the {@code targetAttribute} of a {@code targetType}
 * (a vswitch's {@code vpc_id} is a VPC's {@code id}). Configuration written from the cloud uses it to write a
 * reference instead of the literal id when the other object is in the same configuration. An attribute may name
 * several targets (a router id is a VPC's {@code router_id} or a VBR's {@code id}); the first that matches wins.
 */
public record Reference(String type, String attribute, String targetType, String targetAttribute) {
}
