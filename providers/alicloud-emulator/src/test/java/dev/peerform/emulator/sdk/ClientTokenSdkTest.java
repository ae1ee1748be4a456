package dev.peerform.emulator.sdk;

import static dev.peerform.emulator.sdk.SdkCloud.ACC_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.INIT_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.in;
import static dev.peerform.emulator.sdk.SdkCloud.newInterface;
import static dev.peerform.emulator.sdk.SdkCloud.newRoute;
import static dev.peerform.emulator.sdk.SdkCloud.routes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyuncs.vpc.model.v20160428.CreateRouteEntryRequest;
import com.aliyuncs.vpc.model.v20160428.CreateRouterInterfaceRequest;
import com.aliyuncs.vpc.model.v20160428.CreateVpcRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeVpcsRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ClientToken idempotency through the SDK: the same token twice answers the first result and makes one object. */
class ClientTokenSdkTest {

    private final SdkCloud cloud = new SdkCloud();

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void sameClientTokenTwiceCreatesOneInterfaceAndAnswersTheSameId() {
        SdkCloud.Vpc vpc = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        CreateRouterInterfaceRequest r = newInterface(INIT_REGION, "InitiatingSide", "VRouter", vpc.router(),
                "Large.2", ACC_REGION);
        r.setClientToken("peerform-token-ri-1");
        String first = cloud.a.ok(r).getRouterInterfaceId();
        String again = cloud.a.ok(r).getRouterInterfaceId();
        assertEquals(first, again);
        assertEquals(1, cloud.a.ok(SdkCloud.describeInterfaces(INIT_REGION, null)).getTotalCount());
    }

    @Test
    void sameClientTokenTwiceCreatesOneVpc() {
        CreateVpcRequest r = in(INIT_REGION, new CreateVpcRequest());
        r.setCidrBlock("10.0.0.0/16");
        r.setClientToken("peerform-token-vpc-1");
        assertEquals(cloud.a.ok(r).getVpcId(), cloud.a.ok(r).getVpcId());
        DescribeVpcsRequest all = in(INIT_REGION, new DescribeVpcsRequest());
        assertEquals(1, cloud.a.ok(all).getTotalCount());
    }

    @Test
    void sameClientTokenRepeatedWhileTheRouteIsPendingAnswersTheFirstRouteInsteadOfTaskConflict() {
        SdkCloud.Peering p = cloud.connected();
        CreateRouteEntryRequest r = newRoute(INIT_REGION, p.initVpc().table(), "10.1.0.0/16", p.init());
        r.setClientToken("peerform-token-rte-1");
        String first = cloud.a.ok(r).getRouteEntryId();
        assertEquals(first, cloud.a.ok(r).getRouteEntryId());
        cloud.settle();
        assertEquals(1, cloud.a.ok(routes(INIT_REGION, p.initVpc().table())).getRouteEntrys().size());
    }

    @Test
    void clientTokenReusedWithOtherParametersIsRefused() {
        SdkCloud.Vpc vpc = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        CreateRouterInterfaceRequest r = newInterface(INIT_REGION, "InitiatingSide", "VRouter", vpc.router(),
                "Large.2", ACC_REGION);
        r.setClientToken("peerform-token-ri-2");
        cloud.a.ok(r);
        CreateRouterInterfaceRequest other = newInterface(INIT_REGION, "InitiatingSide", "VRouter", vpc.router(),
                "Large.1", ACC_REGION);
        other.setClientToken("peerform-token-ri-2");
        Refusal refused = cloud.a.refused(other).isClientError();
        assertEquals("IdempotentParameterMismatch", refused.code(), refused.toString());
        assertEquals(1, cloud.a.ok(SdkCloud.describeInterfaces(INIT_REGION, null)).getTotalCount());
    }
}
