package dev.peerform.alicloud.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void absentOrEmbeddedEndpointIsTheInProcessEmulator() {
        assertInstanceOf(Endpoint.Embedded.class, Endpoint.parse(null));
        assertInstanceOf(Endpoint.Embedded.class, Endpoint.parse("embedded"));
        assertInstanceOf(Endpoint.Embedded.class, Endpoint.parse(" Embedded "));
    }

    @Test
    void httpUrlIsARemoteEndpointAndThePlanCanNameIt() {
        Endpoint e = Endpoint.parse("http://127.0.0.1:18080");
        Endpoint.Remote remote = assertInstanceOf(Endpoint.Remote.class, e);
        assertEquals(18080, remote.uri().getPort());
        assertEquals("http://127.0.0.1:18080", e.describe());
    }

    @Test
    void misspelledEndpointNeverFallsBackToTheEmulator() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("embeded"));
        assertTrue(e.getMessage().contains("\"embedded\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("ftp://vpc.aliyuncs.com"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("https://"));
    }
}
