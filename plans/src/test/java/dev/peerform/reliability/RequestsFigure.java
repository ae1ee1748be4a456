package dev.peerform.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * requests: malformed and hostile HTTP requests to {@code peerform emulator serve} (bad % escapes in the query and
 * the form body, huge and nonsensical paging, missing parameters, unsigned and badly signed calls, wrong methods,
 * protocol garbage, huge query strings, odd paths, unsigned bodies); every one must get an answer, never a 5xx,
 * an error as JSON with the API's {@code Code}, a success as JSON with a {@code RequestId}. Then unsigned bodies
 * announced as 1 GiB, sent at once: the server's resident memory must stay bounded and it must go on answering.
 */
final class RequestsFigure {

    static final String NAME = "requests";
    private static final String KEY = "LTAIpeerformDemo87654321";
    private static final String SECRET = "demo-secret-87654321";
    private static final long MEMORY_BOUND = 256L << 20;

    private final Harness h;
    private final Figure figure = new Figure(NAME, "requests");

    RequestsFigure(Harness h) {
        this.h = h;
    }

    private record Request(String category, byte[] bytes) {
    }

    Figure run() throws Exception {
        Path dir = h.newDir("requests");
        try (EmulatorProcess server = EmulatorProcess.serve(h.peerform(), dir)) {
            URI uri = URI.create(server.url());
            long base = server.rss();
            long peak = base;
            int from = h.onlyCase() == null ? 0 : h.onlyCase();
            int to = h.onlyCase() == null ? h.size().requests() : h.onlyCase() + 1;
            // four clients at once, so that requests the server leaves unanswered (2 s each) do not add up
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = from; i < to; i++) {
                int index = i;
                sent.add(clients.submit(() -> {
                    Request r = request(new Random(h.caseSeed(NAME, index)), index);
                    RawHttp.Answer a = RawHttp.send(uri, r.bytes(), 2000);
                    String problem = judge(r, a);
                    if (problem == null) {
                        figure.held();
                    } else {
                        figure.count(problem, 1);
                        figure.failedInGroup(r.category() + ": " + problem, h.replay(NAME, index) + "\nrequest "
                                + excerpt(r.bytes()) + "\nanswer " + (a.none() ? a.failure() : a.status() + " "
                                + excerpt(a.body().getBytes(StandardCharsets.UTF_8))));
                    }
                }));
            }
            for (int k = 0; k < sent.size(); k++) {
                sent.get(k).get();
                if (k % 100 == 0) {
                    peak = Math.max(peak, server.rss());
                }
            }
            clients.shutdown();
            if (!server.alive()) {
                figure.failed("the server died during the requests");
                return figure;
            }
            peak = Math.max(peak, server.rss());
            figure.note(String.format("server RSS %d MiB at start, %d MiB peak over the requests", base >> 20,
                    peak >> 20));
            if (h.onlyCase() == null) {
                hugeBodies(server, uri, base);
            }
        }
        return figure;
    }

    /** Several unsigned POSTs announcing 1 GiB each, sent at once; the resident memory is sampled throughout. */
    private void hugeBodies(EmulatorProcess server, URI uri, long base) throws InterruptedException {
        int n = h.size().hugeBodies();
        long send = (h.size().name().equals("full") ? 1024L : 256L) << 20;
        AtomicLong peak = new AtomicLong(server.rss());
        List<String> answers = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Thread t = new Thread(() -> {
                String a = hugeBody(uri, send);
                synchronized (answers) {
                    answers.add(a);
                }
            });
            senders.add(t);
            t.start();
        }
        while (senders.stream().anyMatch(Thread::isAlive)) {
            peak.accumulateAndGet(server.rss(), Math::max);
            Thread.sleep(50);
        }
        RawHttp.Answer after = RawHttp.send(uri, RawHttp.get("/?" + RawHttp.signedQuery("GET", Map.of("Action",
                "DescribeVpcs", "RegionId", "cn-hangzhou"), KEY, SECRET)), 10_000);
        long grew = peak.get() - base;
        String what = String.format("%d unsigned POSTs announcing 1 GiB, %d MiB sent each at once: server RSS %d MiB "
                + "-> peak %d MiB (bound: +%d MiB); answers %s; a signed call afterwards: %s", n, send >> 20,
                base >> 20, peak.get() >> 20, MEMORY_BOUND >> 20, answers, after.none() ? after.failure()
                : Integer.toString(after.status()));
        figure.note(what);
        if (grew > MEMORY_BOUND || after.none() || after.status() >= 500 || !server.alive()) {
            figure.count("memory unbounded", grew > MEMORY_BOUND ? 1 : 0);
            figure.failed("huge bodies: " + what);
        } else {
            figure.held();
        }
    }

    private static String hugeBody(URI uri, long send) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 1073741824\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = "Action=DescribeVpcs&".repeat(3277).getBytes(StandardCharsets.ISO_8859_1);
            long sent = 0;
            try {
                while (sent < send) {
                    out.write(chunk);
                    sent += chunk.length;
                }
                s.shutdownOutput();
            } catch (IOException e) {
                // the server stopped reading: what it answered is what counts
            }
            RawHttp.Answer a = RawHttp.read(s.getInputStream());
            return a.none() ? "none after " + (sent >> 20) + " MiB (" + a.failure() + ")" : a.status() + " after "
                    + (sent >> 20) + " MiB";
        } catch (IOException e) {
            return "none (" + e.getMessage() + ")";
        }
    }

    private static String judge(Request r, RawHttp.Answer a) {
        if (a.none()) {
            return "no answer";
        }
        if (a.status() >= 500) {
            return "5xx";
        }
        JsonNode body;
        try {
            body = Audit.JSON.readTree(a.body());
        } catch (IOException e) {
            body = null;
        }
        if (a.status() >= 400) {
            return body != null && body.hasNonNull("Code") ? null : "no API code in a JSON body";
        }
        if (a.status() >= 200 && a.status() < 300) {
            return body != null && body.hasNonNull("RequestId") ? null : "success without a JSON RequestId";
        }
        return "status " + a.status();
    }

    private static String excerpt(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 240), StandardCharsets.ISO_8859_1).replace("\r", "\\r")
                .replace("\n", "\\n");
        return "\"" + s + (b.length > 240 ? "...\" (" + b.length + " bytes)" : "\"");
    }

    private static String signed(Map<String, String> params) {
        return "/?" + RawHttp.signedQuery("GET", params, KEY, SECRET);
    }

    private static <T> T pick(Random r, List<T> l) {
        return l.get(r.nextInt(l.size()));
    }

    private static Request request(Random r, int i) {
        String escape = pick(r, List.of("%", "%4", "%G1", "%zz", "%E0%A4", "%%", "%0", "%C3%28", "%FF%FE", "%u0041"));
        switch (i % 10) {
            case 0:
                return new Request("bad % escape in the query", RawHttp.get("/?Action=DescribeVpcs&RegionId=cn"
                        + escape + (r.nextBoolean() ? "&AccessKeyId=" + KEY : "")));
            case 1:
                return new Request("bad % escape in the form body", RawHttp.post("/", ("Action=DescribeVpcs&"
                        + "RegionId=" + escape + "&AccessKeyId=" + KEY).getBytes(StandardCharsets.ISO_8859_1)));
            case 2: {
                Map<String, String> p = new TreeMap<>(Map.of("Action", pick(r, List.of("DescribeRouterInterfaces",
                        "DescribeVpcs", "DescribeRouteEntryList", "DescribeVirtualBorderRouters")), "RegionId",
                        "cn-hangzhou"));
                p.put(pick(r, List.of("PageNumber", "PageSize", "MaxResult")), pick(r, List.of("2147483647",
                        "2147483648", "-1", "0", "99999999999999999999", "abc", "1e3", "", " 1", "NaN")));
                if (r.nextBoolean()) {
                    p.put("RouteTableId", "vtb-nope");
                }
                return new Request("huge or nonsensical paging (signed)", RawHttp.get(signed(p)));
            }
            case 3: {
                Map<String, String> p = new TreeMap<>(pick(r, List.of(Map.of(), Map.of("RegionId", "cn-hangzhou"),
                        Map.of("Action", "CreateRouteEntry"), Map.of("Action", "DescribeRouterInterfaces"),
                        Map.of("Action", "NoSuchAction", "RegionId", "cn-hangzhou"), Map.of("Action",
                        "CreateRouterInterface", "RegionId", "cn-hangzhou"), Map.of("Action",
                        "ConnectRouterInterface", "RegionId", "cn-hangzhou", "RouterInterfaceId", "ri-nope"),
                        Map.of("Action", "CreateVpc", "RegionId", "cn-hangzhou", "CidrBlock", "300.1.1.1/99"),
                        Map.of("Action", "DeleteVpc", "RegionId", "cn-hangzhou", "VpcId", "vpc-" + "x".repeat(5000)),
                        Map.of("Action", "ModifyRouterInterfaceSpec", "RegionId", "cn-hangzhou", "Spec", "Huge.9",
                                "RouterInterfaceId", "ri-nope"))));
                return new Request("missing or bad parameters (signed)", RawHttp.get(signed(p)));
            }
            case 4: {
                String q = pick(r, List.of("/?Action=DescribeVpcs&RegionId=cn-hangzhou",
                        "/?Action=DescribeVpcs&AccessKeyId=" + KEY,
                        "/?Action=DescribeVpcs&AccessKeyId=LTAInobody&SignatureMethod=HMAC-SHA1",
                        "/?Action=DescribeVpcs&AccessKeyId=" + KEY + "&SignatureMethod=HMAC-MD5&SignatureVersion=1.0",
                        "/?Action=DescribeVpcs&AccessKeyId=" + KEY + "&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0"
                                + "&Timestamp=yesterday",
                        "/?Action=DescribeVpcs&AccessKeyId=" + KEY + "&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0"
                                + "&Timestamp=2001-01-01T00:00:00Z&Signature=x",
                        "/?" + RawHttp.signedQuery("GET", Map.of("Action", "DescribeVpcs"), KEY, "wrong-secret"),
                        "/?" + RawHttp.signedQuery("GET", Map.of("Action", "DescribeVpcs"), KEY, SECRET)
                                .replace("Signature=", "Signature=A")));
                return new Request("unsigned or badly signed", RawHttp.get(q));
            }
            case 5: {
                String m = pick(r, List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "get", "PROPFIND"));
                return new Request("wrong method", (m + " /?Action=DescribeVpcs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\nContent-Length: 3\r\n\r\na=b").getBytes(StandardCharsets.ISO_8859_1));
            }
            case 6: {
                byte[] noise = new byte[1 + r.nextInt(200)];
                r.nextBytes(noise);
                String g = pick(r, List.of("GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n",
                        "GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                        "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
                        "POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\nAction=x",
                        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nAction\r\n0\r\n\r\n",
                        "GET /?Action=DescribeVpcs HTTP/1.1\r\nHost: 127.0.0.1\r\nX: " + "a".repeat(70_000)
                                + "\r\n\r\n",
                        new String(noise, StandardCharsets.ISO_8859_1) + "\r\n\r\n"));
                return new Request("protocol garbage", g.getBytes(StandardCharsets.ISO_8859_1));
            }
            case 7: {
                String q = r.nextBoolean() ? "/?Action=DescribeVpcs&Name=" + "x".repeat(200_000)
                        : "/?Action=DescribeVpcs" + "&p=1".repeat(20_000);
                return new Request("huge query string", RawHttp.get(q));
            }
            case 8: {
                String q = pick(r, List.of("/x/y/z?Action=DescribeVpcs", "/%2e%2e/%2e%2e/etc/passwd",
                        "/?Action=DescribeVpcs&Action=DeleteVpc&Action=", "/?=&&=&%3D=%26",
                        "/?Action=Describe%00Vpcs&RegionId=cn-hangzhou", "/?%C3%A9%E2%82%AC=%F0%9F%98%80",
                        "/?" + RawHttp.signedQuery("GET", Map.of("Action", "DescribeVpcs", "RegionId",
                                "cn-hangzhou\u0000"), KEY, SECRET)));
                return new Request("odd paths and names", RawHttp.get(q));
            }
            default: {
                byte[] body = "Action=DescribeVpcs&".repeat((1 + r.nextInt(4)) * 52_429)
                        .getBytes(StandardCharsets.ISO_8859_1);
                return new Request("unsigned body of a few MiB", RawHttp.post("/", body));
            }
        }
    }
}
