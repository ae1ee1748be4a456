package dev.peerform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.emulator.wire.EmulatorServer;
import dev.peerform.vpcapi.wire.RpcRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile requests on the wire (issue 11, item 9): each gets a 4xx with an API code in a JSON body,
 * never the JDK's HTML page, a 5xx or a closed connection, and no request makes the server hold more than its
 * bound. Driven over raw sockets, since an HTTP client would refuse to send most of them.
 */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIB = 1L << 30;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final Emulator emulator = Emulator.inMemory(Seed.defaultWorld(),
            new Emulator.Options(clock, Durations.INSTANT, Quotas.DEFAULTS, Faults.NONE));
    private final EmulatorServer server;

    HostileRequestsTest() throws IOException {
        server = new EmulatorServer(emulator, clock, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** An answer read off the socket: status, headers (lower-case names), body. */
    private record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            assertTrue(headers.getOrDefault("content-type", "").startsWith("application/json"), "JSON: " + this);
            return JSON.readTree(body);
        }

        String code() throws IOException {
            JsonNode code = json().get("Code");
            assertTrue(code != null && !code.asText().isEmpty(), "an API code: " + body);
            return code.asText();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(server.uri().getHost(), server.uri().getPort());
        s.setSoTimeout(10_000);
        return s;
    }

    private Answer exchange(byte[] request) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return read(s.getInputStream());
        }
    }

    private Answer exchange(String request) throws IOException {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        assertTrue(status != null && status.startsWith("HTTP/1.1 "), "an HTTP answer, not a closed connection: "
                + status);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(), h.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(status.substring(9, 12)), headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    private String signedQuery(String method, Map<String, String> action) {
        return RpcRequest.query(RpcRequest.signed(method, action, "2016-04-28", Seed.KEY_A, Seed.SECRET_A,
                clock.instant(), UUID.randomUUID().toString()));
    }

    private static void assertClientError(Answer a, String code) throws IOException {
        assertTrue(a.status() >= 400 && a.status() < 500, "a 4xx: " + a);
        assertEquals(code, a.code(), a.toString());
    }

    @Test
    void pageNumberPastEveryPageAnswersAnEmptyPageNotAServerError() throws IOException {
        String q = signedQuery("GET", Map.of("Action", "DescribeVpcs", "RegionId", "cn-hangzhou", "PageNumber",
                "2147483647", "PageSize", "50"));
        Answer a = exchange("GET /?" + q + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(200, a.status(), a.toString());
        assertEquals(0, a.json().get("Vpcs").get("Vpc").size());
    }

    @Test
    void pageNumberTooLargeForANumberIsRefusedWithAnApiCode() throws IOException {
        String q = signedQuery("GET", Map.of("Action", "DescribeVpcs", "RegionId", "cn-hangzhou", "PageNumber",
                "99999999999999999999"));
        assertClientError(exchange("GET /?" + q + " HTTP/1.1\r\nHost: x\r\n\r\n"), "InvalidParameter");
    }

    @Test
    void badPercentEscapeInTheQueryIsRefusedWithAnApiCode() throws IOException {
        for (String query : List.of("Action=%zz", "Action=Describe%", "Action=%4", "Action=%C3%28")) {
            assertClientError(exchange("GET /?" + query + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                    "InvalidParameter.Encoding");
        }
    }

    @Test
    void badPercentEscapeInAFormBodyIsRefusedWithAnApiCode() throws IOException {
        String body = "Action=DescribeVpcs&RegionId=%G0";
        assertClientError(exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body), "InvalidParameter.Encoding");
    }

    @Test
    void missingActionIsRefusedWithMissingParameter() throws IOException {
        String q = signedQuery("POST", Map.of("RegionId", "cn-hangzhou"));
        assertClientError(exchange("POST /?" + q + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"),
                "MissingParameter");
    }

    @Test
    void methodOtherThanGetOrPostIsRefusedWith405AndAnApiCode() throws IOException {
        for (String method : List.of("PUT", "DELETE", "OPTIONS", "PATCH")) {
            Answer a = exchange(method + " /?Action=DescribeVpcs HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertEquals(405, a.status(), a.toString());
            assertEquals("UnsupportedHTTPMethod", a.code());
        }
    }

    @Test
    void garbageIsAnsweredWithAnApiCodeNotAnHtmlPage() throws IOException {
        byte[] noise = new byte[300];
        new Random(7).nextBytes(noise);
        noise[noise.length - 1] = '\n';
        for (byte[] request : List.of(noise, "HELLO\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "GET /?a=b HTTP/1.1\r\nno colon here\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "POST / HTTP/1.1\r\nContent-Length: lots\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".getBytes(StandardCharsets.US_ASCII))) {
            Answer a = exchange(request);
            assertClientError(a, "InvalidRequest.Malformed");
            assertTrue(!a.body().contains("<h1>"), a.body());
        }
    }

    @Test
    void bodyOverTheBoundIsRefusedWith413BeforeItIsRead() throws IOException {
        // the client declares 1 GiB and sends none of it: an answer proves the server did not wait to read it
        Answer a = exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + GIB + "\r\n\r\n");
        assertEquals(413, a.status(), a.toString());
        assertEquals("InvalidParameter.BodyTooLarge", a.code());
    }

    @Test
    void unknownAccessKeyInTheQueryIsRefusedBeforeTheBodyIsRead() throws IOException {
        Answer a = exchange("POST /?Action=DescribeVpcs&AccessKeyId=LTAInobody HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 1000\r\n\r\n");
        assertEquals(404, a.status(), a.toString());
        assertEquals("InvalidAccessKeyId.NotFound", a.code());
    }

    @Test
    void threeConcurrentGigabyteUnsignedPostsAreRefusedAndTheServerReadsAtMostItsBound() throws Exception {
        long before = heapUsedAfterGc();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            List<AtomicLong> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                AtomicLong written = new AtomicLong();
                sent.add(written);
                boolean chunked = i > 0; // no declared length: the server must count what it reads
                answers.add(pool.submit(() -> streamGigabyte(pool, chunked, written)));
            }
            for (Future<Answer> f : answers) {
                Answer a = f.get(120, TimeUnit.SECONDS);
                assertEquals(413, a.status(), a.toString());
                assertEquals("InvalidParameter.BodyTooLarge", a.code());
            }
            for (AtomicLong written : sent) {
                assertTrue(written.get() < GIB / 4, "the server stopped reading: the client got " + written.get()
                        + " bytes out of 1 GiB");
            }
        } finally {
            pool.shutdownNow();
        }
        long growth = heapUsedAfterGc() - before;
        assertTrue(growth < 64L << 20, "the heap grew " + (growth >> 20) + " MiB");
    }

    /** Streams up to 1 GiB of zeros (generated, never held) while another thread reads the answer. */
    private Answer streamGigabyte(ExecutorService pool, boolean chunked, AtomicLong written) throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + GIB + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Future<Answer> answer = pool.submit(() -> read(s.getInputStream()));
            byte[] block = new byte[64 * 1024];
            byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                while (written.get() < GIB && !answer.isDone()) {
                    if (chunked) {
                        out.write(chunkHead);
                    }
                    out.write(block);
                    if (chunked) {
                        out.write('\r');
                        out.write('\n');
                    }
                    written.addAndGet(block.length);
                }
            } catch (IOException closedByServer) {
                // expected: the server refused the body and closed
            }
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    private static long heapUsedAfterGc() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    @Test
    void sequentialCallsOnOneConnectionAreNotDelayedByNagle() throws IOException {
        try (Socket s = connect()) {
            s.setTcpNoDelay(true);
            long[] millis = new long[21];
            for (int i = 0; i < millis.length; i++) {
                String q = signedQuery("POST", Map.of("Action", "DescribeVpcs", "RegionId", "cn-hangzhou"));
                long start = System.nanoTime();
                s.getOutputStream().write(("POST /?" + q + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                Answer a = read(s.getInputStream());
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, a.status(), a.toString());
            }
            Arrays.sort(millis);
            assertTrue(millis[millis.length / 2] < 30, "median " + millis[millis.length / 2] + " ms a call on a kept "
                    + "connection (Nagle with delayed ACKs costs about 40 ms)");
        }
    }
}
