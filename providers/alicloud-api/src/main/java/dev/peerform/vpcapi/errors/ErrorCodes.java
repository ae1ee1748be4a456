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

    // the codes of domain.md's list, as the API spells them; the emulator answers with these constants
    public static final String THROTTLING = "Throttling";
    public static final String THROTTLING_USER = "Throttling.User";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    public static final String SYSTEM_BUSY = "SystemBusy";
    public static final String OPERATION_CONFLICT = "OperationConflict";
    public static final String TASK_CONFLICT = "TaskConflict";
    public static final String INCORRECT_STATUS = "IncorrectStatus";
    /** The API's spelling ("Refered"). */
    public static final String INTERFACE_USED_BY_ROUTE = "DependencyViolation.RouterInterfaceReferedByRouteEntry";
    public static final String OPPOSITE_INFO_NOT_SET = "IncorrectOppositeInterfaceInfo.NotSet";
    public static final String ROUTE_DESTINATION_TAKEN = "RouterEntryConflict.Duplicated";
    public static final String CIDR_DUPLICATE = "InvalidCIDRBlock.Duplicate";
    public static final String NEXT_HOP_DUPLICATE = "Duplicated.VpcNextHop";
    public static final String INCORRECT_ROUTE_ENTRY_STATUS = "IncorrectRouteEntryStatus";
    public static final String INCORRECT_VPC_STATUS = "IncorrectVpcStatus";
    public static final String INVALID_VBR_STATUS = "InvalidVBRStatus";
    public static final String LAST_TOKEN_PROCESSING = "LastTokenProcessing";
    public static final String INCORRECT_INTERFACE_STATUS = "IncorrectStatus.RouterInterface";
    public static final String INTERFACE_NOT_FOUND = "InvalidInstanceId.NotFound";
    public static final String ROUTE_NOT_FOUND = "InvalidRouteEntry.NotFound";
    public static final String VPC_HAS_VSWITCH = "DependencyViolation.VSwitch";
    public static final String VPC_HAS_SECURITY_GROUP = "DependencyViolation.SecurityGroup";
    public static final String VPC_NOT_FOUND = "InvalidVpcID.NotFound";
    public static final String VPC_NOT_FOUND_FORBIDDEN = "Forbidden.VpcNotFound";
    /** Not in the official provider's list, but in the Express Connect rules every client meets. */
    public static final String ONLY_ONE_CONNECTION = "Forbidden.OnlyOneConnection";

    private static final Set<String> ROUTE_CHANGES = Set.of(CREATE_ROUTE, DELETE_ROUTE);

    /** The table, first match wins. */
    public static final List<ErrorCode> TABLE = List.of(
            any(THROTTLING, true, ClientAction.RETRY, "too many calls (Throttling, Throttling.User, ...)"),
            any(SERVICE_UNAVAILABLE, false, ClientAction.RETRY, "the service is briefly unavailable"),
            any(SYSTEM_BUSY, false, ClientAction.RETRY, "the system is busy"),
            any(OPERATION_CONFLICT, false, ClientAction.RETRY, "another operation on the object is running"),
            any(TASK_CONFLICT, false, ClientAction.RETRY, "another change to the route table is in progress"),
            on(Set.of(DELETE_INTERFACE), INCORRECT_STATUS, ClientAction.RETRY,
                    "deleting an interface that is not Idle or Inactive yet"),
            on(Set.of(DELETE_INTERFACE), INTERFACE_USED_BY_ROUTE, ClientAction.RETRY,
                    "deleting an interface a route entry still uses as next hop (API spelling)"),
            on(Set.of(CONNECT_INTERFACE), OPPOSITE_INFO_NOT_SET, ClientAction.FINAL,
                    "connecting before both ends' opposite information is set"),
            on(Set.of(CREATE_ROUTE), ROUTE_DESTINATION_TAKEN, ClientAction.FINAL,
                    "a route whose destination the table already has"),
            on(Set.of(CREATE_ROUTE), CIDR_DUPLICATE, ClientAction.FINAL,
                    "a route whose destination the table already has"),
            on(Set.of(CREATE_ROUTE), NEXT_HOP_DUPLICATE, ClientAction.FINAL,
                    "a route whose destination and next hop the table already has"),
            on(ROUTE_CHANGES, INCORRECT_ROUTE_ENTRY_STATUS, ClientAction.RETRY,
                    "a route entry in the middle of a change"),
            on(ROUTE_CHANGES, INCORRECT_VPC_STATUS, ClientAction.RETRY, "the VPC in the middle of a change"),
            on(ROUTE_CHANGES, INVALID_VBR_STATUS, ClientAction.RETRY, "the VBR in the middle of a change"),
            on(ROUTE_CHANGES, LAST_TOKEN_PROCESSING, ClientAction.RETRY,
                    "the previous call with this ClientToken is still running"),
            on(ROUTE_CHANGES, INCORRECT_INTERFACE_STATUS, ClientAction.RETRY,
                    "the next hop interface in the middle of a transition"),
            any(INTERFACE_NOT_FOUND, false, ClientAction.GONE, "a missing router interface"),
            any(ROUTE_NOT_FOUND, false, ClientAction.GONE, "a missing route entry"),
            on(Set.of(DELETE_VPC), VPC_HAS_VSWITCH, ClientAction.RETRY,
                    "deleting a VPC whose vSwitches are still being deleted"),
            on(Set.of(DELETE_VPC), VPC_HAS_SECURITY_GROUP, ClientAction.RETRY,
                    "deleting a VPC whose security groups are still being deleted"),
            any(VPC_NOT_FOUND, false, ClientAction.GONE, "a missing VPC"),
            on(Set.of("DeleteBgpGroup"), "DependencyViolation.BgpPeer", ClientAction.RETRY,
                    "deleting a BGP group whose peers are still being deleted (as the official provider retries)"),
            on(Set.of("DeleteBgpGroup"), "IncorrectStatus.BgpGroup", ClientAction.RETRY,
                    "deleting a BGP group that is not Available yet"),
            on(Set.of("DeleteVirtualBorderRouter"), "DependencyViolation.BgpGroup", ClientAction.RETRY,
                    "deleting a VBR whose BGP groups are still being deleted (as the official provider retries)"),
            any(VPC_NOT_FOUND_FORBIDDEN, false, ClientAction.GONE, "a missing VPC"));

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
