package dev.peerform.vpcapi.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorStatusTest {

    @Test
    void notFoundCodesUse404AndOtherRefusals400() {
        assertEquals(404, ErrorStatus.of("InvalidRouterInterfaceId.NotFound"));
        assertEquals(404, ErrorStatus.of("InvalidVpcID.NotFound"));
        assertEquals(400, ErrorStatus.of("IncorrectStatus.RouterInterface"));
        assertEquals(400, ErrorStatus.of("Throttling.User"));
        assertEquals(400, ErrorStatus.of("Forbidden.OnlyOneConnection"));
        assertEquals(404, ErrorStatus.of("InvalidInstanceId.NotFound"));
        assertEquals(503, ErrorStatus.of("ServiceUnavailable"));
    }

    @Test
    void malformedRequestsGetTheirOwnClientStatuses() {
        assertEquals(405, ErrorStatus.of(ErrorStatus.UNSUPPORTED_METHOD));
        assertEquals(413, ErrorStatus.of(ErrorStatus.BODY_TOO_LARGE));
    }
}
