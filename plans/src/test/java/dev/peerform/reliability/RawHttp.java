package dev.peerform.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests written byte for byte on a socket, so that malformed ones reach the server as sent (an HTTP client
 * would refuse to send a bad escape or a wrong method), and the answer read back: status, body, or none.
 */
final class RawHttp {

    /** What came back: status -1 when the connection closed or timed out without a status line. */
    record Answer(int status, String body, String failure) {
        boolean none() {
            return status < 0;
        }
    }

    private RawHttp() {
    }

    static Answer send(URI server, byte[] request, int timeoutMs) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(server.getHost(), server.getPort()), 2000);
            s.setSoTimeout(timeoutMs);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before taking the whole request; read what it said
            }
            return read(s.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Answer(-1, "", "timed out waiting for an answer");
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        }
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        int state = 0;
        while ((c = in.read()) >= 0) {
            head.write(c);
            state = (c == '\r' || c == '\n') ? state + 1 : 0;
            if (state == 4 || head.size() > 65536) {
                break;
            }
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        if (!h.startsWith("HTTP/")) {
            return new Answer(-1, "", h.isEmpty() ? "connection closed without an answer" : "not HTTP: " + h);
        }
        int status = Integer.parseInt(h.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String line : h.split("\r\n")) {
            String l = line.toLowerCase();
            if (l.startsWith("content-length:")) {
                length = Long.parseLong(l.substring(15).strip());
            } else if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                StringBuilder size = new StringBuilder();
                while ((c = in.read()) >= 0 && c != '\n') {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                int n = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
                if (n == 0 || c < 0) {
                    break;
                }
                body.write(in.readNBytes(n));
                in.read();
                in.read();
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) Math.min(length, 1 << 20)));
        } else {
            body.write(in.readNBytes(1 << 20));
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8), null);
    }

    static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** The signed query of an RPC call (Alibaba Cloud's signature version 1.0, HMAC-SHA1). */
    static String signedQuery(String method, Map<String, String> params, String keyId, String secret) {
        Map<String, String> all = new TreeMap<>(params);
        all.putIfAbsent("AccessKeyId", keyId);
        all.putIfAbsent("SignatureMethod", "HMAC-SHA1");
        all.putIfAbsent("SignatureVersion", "1.0");
        all.putIfAbsent("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        all.putIfAbsent("SignatureNonce", UUID.randomUUID().toString());
        all.putIfAbsent("Format", "JSON");
        all.putIfAbsent("Version", "2016-04-28");
        StringJoiner canonical = new StringJoiner("&");
        all.forEach((k, v) -> canonical.add(percentEncode(k) + "=" + percentEncode(v)));
        String toSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonical.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets
                    .UTF_8)));
            return canonical + "&Signature=" + percentEncode(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JVM", e);
        }
    }

    static byte[] get(String target) {
        return ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] post(String target, byte[] body) {
        byte[] head = ("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
