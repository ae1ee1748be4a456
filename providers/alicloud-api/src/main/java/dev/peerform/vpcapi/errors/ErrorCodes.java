package dev.peerform.vpcapi.errors;

import java.util.List;
import java.util.Set;

/**
 * The error codes of domain.md ("Errors") and what a client does with each, in one table both sides read: the
 * emulator answers these codes in these situations, and peerform's provider retries and ignores exactly what this
 * table says (as the official provider does). A code the table does not name is retried when its HTTP status is
 * 5xx, treated as gone when it is a {@code *.NotFound} (404), and final otherwise.
 */
public final class ErrorCodes {

    public static final String DELETE_INTERFACE = "DeleteRouterInterface";
    public static final String CONNECT_INTERFACE = "ConnectRouterInterface";
    public static final String CREATE_ROUTE = "CreateRouteEntry";
    public static final String DELETE_ROUTE = "DeleteRouteEntry";
    public static final String DELETE_VPC = "DeleteVpc";

    private static final Set<String> ROUTE_CHANGES = Set.of(CREATE_ROUTE, DELETE_ROUTE);

    /** The table, first match wins. */
    public static final List<ErrorCode> TABLE = List.of(
            any("Throttling", true, ClientAction.RETRY, "too many calls (Throttling, Throttling.User, ...)"),
            any("ServiceUnavailable", false, ClientAction.RETRY, "the service is briefly unavailable"),
            any("SystemBusy", false, ClientAction.RETRY, "the system is busy"),
            any("OperationConflict", false, ClientAction.RETRY, "another operation on the object is running"),
            any("TaskConflict", false, ClientAction.RETRY, "another change to the route table is in progress"),
            on(Set.of(DELETE_INTERFACE), "IncorrectStatus", ClientAction.RETRY,
                    "deleting an interface that is not Idle or Inactive yet"),
            on(Set.of(DELETE_INTERFACE), "DependencyViolation.RouterInterfaceReferedByRouteEntry",
                    ClientAction.RETRY, "deleting an interface a route entry still uses as next hop (API spelling)"),
            on(Set.of(CONNECT_INTERFACE), "IncorrectOppositeInterfaceInfo.NotSet", ClientAction.FINAL,
                    "connecting before both ends' opposite information is set"),
            on(Set.of(CREATE_ROUTE), "RouterEntryConflict.Duplicated", ClientAction.FINAL,
                    "a route whose destination the table already has"),
            on(Set.of(CREATE_ROUTE), "InvalidCIDRBlock.Duplicate", ClientAction.FINAL,
                    "a route whose destination the table already has"),
            on(Set.of(CREATE_ROUTE), "Duplicated.VpcNextHop", ClientAction.FINAL,
                    "a route whose destination and next hop the table already has"),
            on(ROUTE_CHANGES, "IncorrectRouteEntryStatus", ClientAction.RETRY,
                    "a route entry in the middle of a change"),
            on(ROUTE_CHANGES, "IncorrectVpcStatus", ClientAction.RETRY, "the VPC in the middle of a change"),
            on(ROUTE_CHANGES, "InvalidVBRStatus", ClientAction.RETRY, "the VBR in the middle of a change"),
            on(ROUTE_CHANGES, "LastTokenProcessing", ClientAction.RETRY,
                    "the previous call with this ClientToken is still running"),
            on(ROUTE_CHANGES, "IncorrectStatus.RouterInterface", ClientAction.RETRY,
                    "the next hop interface in the middle of a transition"),
            any("InvalidInstanceId.NotFound", false, ClientAction.GONE, "a missing router interface"),
            any("InvalidRouteEntry.NotFound", false, ClientAction.GONE, "a missing route entry"),
            on(Set.of(DELETE_VPC), "DependencyViolation.VSwitch", ClientAction.RETRY,
                    "deleting a VPC whose vSwitches are still being deleted"),
            on(Set.of(DELETE_VPC), "DependencyViolation.SecurityGroup", ClientAction.RETRY,
                    "deleting a VPC whose security groups are still being deleted"),
            any("InvalidVpcID.NotFound", false, ClientAction.GONE, "a missing VPC"),
            on(Set.of("DeleteBgpGroup"), "DependencyViolation.BgpPeer", ClientAction.RETRY,
                    "deleting a BGP group whose peers are still being deleted (as the official provider retries)"),
            on(Set.of("DeleteBgpGroup"), "IncorrectStatus.BgpGroup", ClientAction.RETRY,
                    "deleting a BGP group that is not Available yet"),
            on(Set.of("DeleteVirtualBorderRouter"), "DependencyViolation.BgpGroup", ClientAction.RETRY,
                    "deleting a VBR whose BGP groups are still being deleted (as the official provider retries)"),
            any("Forbidden.VpcNotFound", false, ClientAction.GONE, "a missing VPC"));

    private ErrorCodes() {
    }

    /** What a client does when {@code action} is answered with {@code code} (HTTP {@code status}). */
    public static ClientAction of(String action, String code, int status, String message) {
        for (ErrorCode row : TABLE) {
            if (row.matches(action, code, message)) {
                return row.action();
            }
        }
        if (status >= 500) {
            return ClientAction.RETRY;
        }
        if (status == 404 || code.endsWith(".NotFound")) {
            return ClientAction.GONE;
        }
        return ClientAction.FINAL;
    }

    private static ErrorCode any(String code, boolean prefix, ClientAction action, String situation) {
        return new ErrorCode(code, prefix, Set.of(), action, situation);
    }

    private static ErrorCode on(Set<String> actions, String code, ClientAction action, String situation) {
        return new ErrorCode(code, false, actions, action, situation);
    }
}
