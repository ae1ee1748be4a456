package dev.peerform.emulator.sdk;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.CallBack;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.IHttpClient;
import java.io.IOException;
import java.util.concurrent.Future;

/**
 * The SDK's own HTTP client with one addition: it remembers the HTTP status of the last answer. The SDK's exceptions
 * carry the error code but not the status, and the conformance test checks both.
 */
final class StatusRecordingHttpClient extends IHttpClient {

    /** No answer came (the call never reached the server, or is still to be made). */
    static final int NONE = -1;

    private final IHttpClient sdk;
    private volatile int lastStatus = NONE;

    StatusRecordingHttpClient(IHttpClient sdk) {
        this.sdk = sdk;
    }

    int lastStatus() {
        return lastStatus;
    }

    void forget() {
        lastStatus = NONE;
    }

    @Override
    protected void init(HttpClientConfig config) {
        // the wrapped client is initialised already
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) throws IOException, ClientException {
        HttpResponse response = sdk.syncInvoke(request);
        lastStatus = response.getStatus();
        return response;
    }

    @Override
    public Future<HttpResponse> asyncInvoke(HttpRequest request, CallBack callback) throws IOException {
        return sdk.asyncInvoke(request, callback);
    }

    @Override
    public void ignoreSSLCertificate() {
        sdk.ignoreSSLCertificate();
    }

    @Override
    public void restoreSSLCertificate() {
        sdk.restoreSSLCertificate();
    }

    @Override
    public boolean isSingleton() {
        return sdk.isSingleton();
    }

    @Override
    public void close() throws IOException {
        if (!sdk.isSingleton()) {
            sdk.close();
        }
    }
}
