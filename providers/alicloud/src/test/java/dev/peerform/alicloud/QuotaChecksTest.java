package dev.peerform.alicloud;

import dev.peerform.addrs.InstanceAddress;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The quota checks through the configured provider, against an endpoint that refuses every call. */
class QuotaChecksTest {

    private final HttpServer server;

    QuotaChecksTest() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"RequestId\":\"r\",\"HostId\":\"h\",\"Code\":\"Forbidden.RAM\","
                    + "\"Message\":\"not allowed\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(403, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void quotaChecksThatCannotAskTheCloudWarnNamingWhatCouldNotBeRead() {
        ObjectValue config = new ObjectValue(Map.of(
                "endpoint", Value.of("http://127.0.0.1:" + server.getAddress().getPort()),
                "access_key", Value.of("LTAItest"), "secret_key", Value.of("secret"),
                "account_id", Value.of("12345678")));
        Diagnostics diags = new Diagnostics();
        ConfiguredProvider p = new AlicloudProvider().configure("alicloud", config, Path.of("."), Map.of(), diags);
        assertNotNull(p, diags.toString());
        ObjectValue after = new ObjectValue(Map.of("id", Value.unknown(Type.STRING), "router_id", Value.of("vrt-a"),
                "role", Value.of("InitiatingSide")));
        ChangeView ri = new ChangeView(InstanceAddress.parse(RouterInterfaceResource.TYPE + ".a"), RouterInterfaceResource.TYPE,
                ChangeAction.CREATE, null, after, Map.of(), "alicloud");
        p.validatePlan(List.of(ri), diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertTrue(diags.list().stream().anyMatch(d -> d.summary().equals("Interfaces per router not checked")
                && d.detail().contains("vrt-a") && d.detail().contains("Forbidden.RAM")), diags.toString());
        assertTrue(diags.list().stream().anyMatch(d -> d.summary().equals("Interfaces per account not checked")
                && d.detail().contains("Forbidden.RAM")), diags.toString());
        assertFalse(diags.toString().contains("secret"), "no credential in a diagnostic: " + diags);
    }
}
