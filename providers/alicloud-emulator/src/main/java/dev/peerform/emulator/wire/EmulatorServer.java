package dev.peerform.emulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.LostResponseException;
import dev.peerform.emulator.api.VpcApi;
import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.vpcapi.errors.ErrorStatus;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The emulator on the wire: the VPC API's RPC protocol over HTTP/1.1 on loopback. GET or POST to {@code /}, query
 * and form parameters merged, signature version 1.0 verified ({@link Authenticator}), JSON answers
 * ({@code application/json}) and the API's error bodies for every request, a malformed one included.
 *
 * <p>Its own small HTTP server rather than the JDK's: the JDK's answers a bad escape in the request line with an
 * HTML page before any handler sees it, and reads what it likes. Here every read is bounded (the head by
 * {@link RequestReader}, the body by {@link #MAX_BODY}) and what can be refused is refused before the body is read:
 * an unsupported method, a declared length over the bound, an unknown access key in the query. Each response
 * goes out in one write on a socket with TCP_NODELAY, so no answer waits for the client's delayed ACK.
 */
public final class EmulatorServer implements AutoCloseable {

    /** The largest body read: the official SDK sends its parameters in the query and an empty body. */
    public static final int MAX_BODY = 1024 * 1024;
    private static final int IDLE_MILLIS = 30_000;
    private static final int MAX_CONNECTIONS = 32;
    /** After refusing a body: how much of it to read and drop so the client sees the answer, not a reset. */
    private static final int LINGER_BYTES = 4 * 1024 * 1024;
    private static final int LINGER_MILLIS = 1_000;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final Emulator emulator;
    private final Authenticator authenticator;
    private final ServerSocket listener;
    private final ThreadPoolExecutor workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    public EmulatorServer(Emulator emulator, Clock clock, int port) throws IOException {
        this.emulator = emulator;
        this.authenticator = new Authenticator(emulator, clock);
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "emulator-http"));
        this.acceptor = daemon(this::acceptLoop, "emulator-accept");
        acceptor.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create("http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort()
                + "/");
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(s);
            try {
                workers.execute(() -> serve(s));
            } catch (RejectedExecutionException busy) {
                try (s) {
                    write(s.getOutputStream(), new ApiResponse(503, error(
                            new CloudException("ServiceUnavailable", "The emulator is serving " + MAX_CONNECTIONS
                                    + " connections, the most it serves at once; retry."))), false);
                } catch (IOException ignored) {
                    // the client left
                } finally {
                    open.remove(s);
                }
            }
        }
    }

    /** One connection: requests one after another while both sides keep it alive. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            RequestReader reader = new RequestReader(in);
            boolean again = true;
            while (again) {
                again = exchange(socket, reader, in, out);
            }
        } catch (IOException e) {
            // the client went away or stopped sending: nothing to answer
        } finally {
            open.remove(socket);
        }
    }

    /** Reads, answers one request; whether the connection can take another. */
    private boolean exchange(Socket socket, RequestReader reader, InputStream in, OutputStream out)
            throws IOException {
        Request request;
        try {
            request = reader.head();
        } catch (SocketTimeoutException idle) {
            return false;
        } catch (CloudException malformed) {
            refuseAndClose(socket, in, out, malformed);
            return false;
        }
        if (request == null) {
            return false;
        }
        boolean bodyRead = false;
        try {
            if (!request.method().equals("GET") && !request.method().equals("POST")) {
                throw new CloudException(ErrorStatus.UNSUPPORTED_METHOD, "The API is called with GET or POST, not "
                        + request.method() + ".");
            }
            long declared = RequestReader.contentLength(request);
            bodyRead = declared <= 0 && !request.chunked();
            Map<String, String> params = new LinkedHashMap<>(Form.parse(request.rawQuery(), "query string"));
            if (declared > MAX_BODY) {
                reader.body(request, MAX_BODY); // refuses from the declared length, reading nothing
            }
            authenticator.refuseUnknownKey(params.get("AccessKeyId"));
            if (!bodyRead && request.expectsContinue()) {
                out.write(CONTINUE);
                out.flush();
            }
            byte[] body = reader.body(request, MAX_BODY);
            bodyRead = true;
            if (body.length > 0) {
                params.putAll(Form.parse(new String(body, StandardCharsets.ISO_8859_1), "form body"));
            }
            String account = authenticator.account(request.method(), params);
            ApiResponse response;
            try {
                response = emulator.callAs(account, params);
            } catch (LostResponseException lost) {
                return false; // the call took effect; closing without an answer is what the caller experiences
            }
            boolean keep = request.keepAlive();
            write(out, response, keep);
            return keep;
        } catch (CloudException refused) {
            if (!bodyRead || refused.code().equals(ErrorStatus.UNSUPPORTED_METHOD)) {
                refuseAndClose(socket, in, out, refused);
                return false;
            }
            write(out, new ApiResponse(refused.httpStatus(), error(refused)), request.keepAlive());
            return request.keepAlive();
        } catch (RuntimeException bug) {
            write(out, new ApiResponse(500, error(new CloudException("InternalError", "The emulator failed on this "
                    + "request: " + bug))), false);
            return false;
        }
    }

    /**
     * Answers and closes a connection whose request cannot be followed by another (unread or unreadable body):
     * the answer, then a bounded read of what the client still sends, so that it reads the answer before the
     * connection resets.
     */
    private static void refuseAndClose(Socket socket, InputStream in, OutputStream out, CloudException refused) {
        try {
            write(out, new ApiResponse(refused.httpStatus(), error(refused)), false);
            socket.shutdownOutput();
            socket.setSoTimeout(LINGER_MILLIS);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
            byte[] drop = new byte[64 * 1024];
            long dropped = 0;
            while (dropped < LINGER_BYTES && System.nanoTime() < deadline) {
                int n = in.read(drop);
                if (n < 0) {
                    break;
                }
                dropped += n;
            }
        } catch (IOException e) {
            // the client left first
        }
    }

    private static JsonNode error(CloudException e) {
        return VpcApi.error(UUID.randomUUID().toString(), e.code(), e.getMessage());
    }

    /** The status line, the headers and the body in one write. */
    private static void write(OutputStream out, ApiResponse response, boolean keepAlive) throws IOException {
        byte[] body = response.body().toString().getBytes(StandardCharsets.UTF_8);
        int status = response.status();
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: application/json;charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        out.write(all);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        workers.shutdownNow();
    }
}
