package dev.peerform.emulator.sdk;

import static org.junit.jupiter.api.Assertions.fail;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import java.util.Optional;

/**
 * One account of the emulated cloud as Alibaba Cloud's official Java SDK sees it: a {@link DefaultAcsClient} on a
 * {@link DefaultProfile} with the account's keys, speaking plain HTTP to the loopback server. The endpoint is the
 * client's own resolver (no SDK-wide {@code DefaultProfile.addEndpoint}, which is static state shared by every test).
 */
final class SdkAccount implements AutoCloseable {

    final String id;
    private final DefaultAcsClient client;
    private final StatusRecordingHttpClient http;

    SdkAccount(String id, String accessKeyId, String secret, String hostAndPort) {
        this.id = id;
        DefaultProfile profile = DefaultProfile.getProfile(SdkCloud.HOME_REGION, accessKeyId, secret);
        profile.getHttpClientConfig().setProtocolType(ProtocolType.HTTP);
        client = new DefaultAcsClient(profile);
        client.setEndpointResolver(request -> hostAndPort);
        // a retry would hide the first answer, the one under test
        client.setAutoRetry(false);
        http = new StatusRecordingHttpClient(client.getHttpClient());
        client.setHttpClient(http);
    }

    long idAsLong() {
        return Long.parseLong(id);
    }

    /** The call succeeds; a refusal fails the test with the code and status the server answered. */
    <T extends AcsResponse> T ok(AcsRequest<T> request) {
        http.forget();
        try {
            return client.getAcsResponse(request);
        } catch (ClientException e) {
            throw new AssertionError(request.getSysActionName() + " was refused: " + e.getErrCode() + " (HTTP "
                    + http.lastStatus() + "): " + e.getErrMsg(), e);
        }
    }


    /** The call is refused by the server; success, or a failure that never reached it, fails the test. */
    Refusal refused(AcsRequest<?> request) {
        return attempt(request).orElseGet(() -> fail(request.getSysActionName() + " was expected to be refused, and "
                + "succeeded"));
    }

    /** The server's refusal of the call, or empty when it succeeded. */
    Optional<Refusal> attempt(AcsRequest<?> request) {
        http.forget();
        String action = request.getSysActionName();
        try {
            client.getAcsResponse(request);
            return Optional.empty();
        } catch (ServerException e) {
            return Optional.of(new Refusal(action, e.getErrCode(), answered(action, e), true, e.getErrMsg()));
        } catch (ClientException e) {
            return Optional.of(new Refusal(action, e.getErrCode(), answered(action, e), false, e.getErrMsg()));
        }
    }

    private int answered(String action, ClientException e) {
        if (http.lastStatus() == StatusRecordingHttpClient.NONE) {
            throw new AssertionError(action + " never got an answer from the server: " + e.getErrCode(), e);
        }
        return http.lastStatus();
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
