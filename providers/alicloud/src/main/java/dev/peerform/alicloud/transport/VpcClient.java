package dev.peerform.alicloud.transport;

import dev.peerform.vpcapi.wire.ApiResponse;
import java.time.Instant;
import java.util.Map;

/**
 * One call of the VPC OpenAPI: the action's parameters in, the cloud's status and JSON body out. Implemented by the
 * in-process emulator and by the signed RPC client over HTTP; everything above this interface is the same code.
 */
public interface VpcClient {

    /**
     * @throws CallLostException when the call may have reached the cloud but no answer came back (a timeout, a
     *     closed connection): the caller retries, creates with the same ClientToken.
     */
    ApiResponse call(Map<String, String> params) throws CallLostException;

    /** The endpoint, for the plan's list of providers. */
    String describe();

    /**
     * The cloud's time, against which a subscription's due date is read: the host's for the real API, the world's
     * for the emulator (whose clock {@code emulator advance} moves).
     */
    default Instant now() {
        return Instant.now();
    }

    /** The account these credentials belong to, when the endpoint can tell without a call (embedded). */
    default String account() {
        return null;
    }
}
