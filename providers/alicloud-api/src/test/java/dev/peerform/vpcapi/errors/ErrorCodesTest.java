package dev.peerform.vpcapi.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorCodesTest {

    @Test
    void transientCodesAreRetriedOnEveryCall() {
        assertEquals(ClientAction.RETRY, ErrorCodes.of("DescribeVpcs", "Throttling.User", 400, ""));
        assertEquals(ClientAction.RETRY, ErrorCodes.of("CreateVpc", "ServiceUnavailable", 503, ""));
        assertEquals(ClientAction.RETRY, ErrorCodes.of("CreateRouteEntry", "TaskConflict", 400, ""));
        assertEquals(ClientAction.RETRY, ErrorCodes.of("CreateVpc", "InternalError", 500, ""));
    }

    @Test
    void deletingAnInterfaceTooEarlyIsRetriedOnlyWhenDeleting() {
        assertEquals(ClientAction.RETRY, ErrorCodes.of("DeleteRouterInterface", "IncorrectStatus", 400, ""));
        assertEquals(ClientAction.RETRY, ErrorCodes.of("DeleteRouterInterface",
                "DependencyViolation.RouterInterfaceReferedByRouteEntry", 400, ""));
        assertEquals(ClientAction.FINAL, ErrorCodes.of("ModifyRouterInterfaceSpec", "IncorrectStatus", 400, ""));
    }

    @Test
    void routeChangesRetryTheNextHopsTransition() {
        assertEquals(ClientAction.RETRY, ErrorCodes.of("CreateRouteEntry", "IncorrectStatus.RouterInterface", 400,
                ""));
        assertEquals(ClientAction.FINAL, ErrorCodes.of("ModifyRouterInterfaceAttribute",
                "IncorrectStatus.RouterInterface", 400, ""));
        assertEquals(ClientAction.FINAL, ErrorCodes.of("CreateRouteEntry", "RouterEntryConflict.Duplicated", 400, ""));
    }

    @Test
    void missingObjectsAreGone() {
        assertEquals(ClientAction.GONE, ErrorCodes.of("DeleteVpc", "Forbidden.VpcNotFound", 400, ""));
        assertEquals(ClientAction.GONE, ErrorCodes.of("DeleteRouteEntry", "InvalidRouteEntry.NotFound", 404, ""));
        assertEquals(ClientAction.GONE, ErrorCodes.of("DeleteVbr", "InvalidVbrId.NotFound", 404, ""));
    }

    @Test
    void aCodeInsideTheMessageCountsAsTheOfficialProviderMatchesIt() {
        assertEquals(ClientAction.RETRY, ErrorCodes.of("DeleteRouterInterface", "Unknown", 400,
                "code: IncorrectStatus, the interface is Deactivating"));
    }

    @Test
    void otherRefusalsAreFinal() {
        assertEquals(ClientAction.FINAL, ErrorCodes.of("ConnectRouterInterface", "Forbidden.OnlyOneConnection", 400,
                ""));
    }
}
