package dev.peerform.vpcapi.wire;

/** The VPC OpenAPI version every call names ({@code Version=2016-04-28}); the emulator answers only this one. */
public final class ApiVersion {

    public static final String VPC = "2016-04-28";
    /** ECS's version, for security groups and instances (same RPC signing). */
    public static final String ECS = "2014-05-26";

    private ApiVersion() {
    }
}
