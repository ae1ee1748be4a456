package dev.peerform.emulator.cloud;

import dev.peerform.net.Cidr;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import java.util.Objects;

/** The API's checks of single parameters (names, descriptions, CIDR blocks, addresses, health checks). */
final class Validation {

    private static final String INITIATOR = Role.INITIATOR.apiName();
    private static final String ACCEPTOR = Role.ACCEPTOR.apiName();
    private static final String VROUTER = RouterType.VROUTER.apiName();
    private static final String VBR = RouterType.VBR.apiName();

    private Validation() {
    }

    /** Health-check IPs go together, and only on a VPC's interface toward a VBR. */
    static void checkHealthCheck(String routerType, String oppositeRouterType, String source, String target) {
        if (source == null && target == null) {
            return;
        }
        if (source == null || target == null) {
            throw new CloudException("InvalidHealthCheckIp.Malformed", "HealthCheckSourceIp and "
                    + "HealthCheckTargetIp must be set together.");
        }
        if (!VROUTER.equals(routerType) || (oppositeRouterType != null && !VBR.equals(oppositeRouterType))) {
            throw new CloudException("OperationUnsupported.HealthCheck", "Health checks apply only to a VPC's "
                    + "router interface connected to a VBR.");
        }
        parseAddress(source, "HealthCheckSourceIp");
        parseAddress(target, "HealthCheckTargetIp");
    }

    /** A name is 2-128 characters and starts with a letter (absent is fine). */
    static void checkName(String name, String field) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (name.length() < 2 || name.length() > 128 || !Character.isLetter(name.charAt(0))) {
            throw new CloudException("InvalidName.Malformed", field + " must be 2-128 characters long and "
                    + "start with a letter: \"" + name + "\" is not.");
        }
    }

    /** A description is 2-256 characters and does not start with http:// or https://. */
    static void checkDescription(String description) {
        if (description == null || description.isEmpty()) {
            return;
        }
        if (description.length() < 2 || description.length() > 256 || description.startsWith("http://")
                || description.startsWith("https://")) {
            throw new CloudException("InvalidDescription.Malformed", "Description must be 2-256 characters "
                    + "and must not start with http:// or https://.");
        }
    }

    static Cidr parseCidr(String text, String field) {
        try {
            return Cidr.parse(Objects.requireNonNull(text, field));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CloudException("InvalidCidrBlock.Malformed", field + " \"" + text + "\" is not a valid "
                    + "CIDR block.");
        }
    }

    static void parseAddress(String text, String field) {
        try {
            Cidr.parseAddress(Objects.requireNonNull(text, field));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CloudException("InvalidIpAddress.Malformed", field + " \"" + text + "\" is not a valid "
                    + "IP address.");
        }
    }
}
