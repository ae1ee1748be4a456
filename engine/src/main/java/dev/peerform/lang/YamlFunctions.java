package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.List;

/** yamlencode and yamldecode. */
final class YamlFunctions {

    private YamlFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("yamlencode", List.of(p("value", Type.DYNAMIC).nullable()),
                (a, c) -> Value.of(YamlEncoder.encode(a.get(0))));
        r.add("yamldecode", List.of(p("src", Type.STRING)), (a, c) -> YamlDecoder.decode(a.get(0).asString()));
    }
}
