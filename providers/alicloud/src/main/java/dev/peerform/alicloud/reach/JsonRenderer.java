package dev.peerform.alicloud.reach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.peerform.net.Cidr;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The verdict as data ({@code reach -json}): every hop, cause and change is an object whose {@code kind} names
 * its type (snake case) with its fields, plus a {@code text} with the same words the text renderer uses.
 */
public final class JsonRenderer {

    private final Words words;
    private final ObjectMapper mapper;

    public JsonRenderer(Reach reach) {
        this.words = new Words(reach::name);
        this.mapper = new ObjectMapper().registerModule(new SimpleModule().addSerializer(Cidr.class,
                ToStringSerializer.instance)).enable(SerializationFeature.INDENT_OUTPUT);
    }

    public ObjectNode tree(Verdict v) {
        ObjectNode root = mapper.createObjectNode();
        root.put("from", v.from());
        root.put("to", v.to());
        ObjectNode probe = root.putObject("probe");
        probe.put("protocol", v.probe().protocol().api());
        if (v.probe().port() != null) {
            probe.put("port", v.probe().port());
        }
        root.put("reachable", v.reachable());
        ArrayNode legs = root.putArray("legs");
        for (LegResult l : v.legs()) {
            ObjectNode leg = legs.addObject();
            leg.put("leg", l.leg().word());
            leg.put("passes", l.passes());
            ArrayNode hops = leg.putArray("hops");
            for (Hop h : l.hops()) {
                hops.add(typed(h, words.hop(h)));
            }
            l.block().ifPresent(b -> leg.set("block", block(b)));
        }
        v.firstBlock().ifPresentOrElse(b -> root.set("first_block", block(b)), () -> root.putNull("first_block"));
        v.bandwidth().ifPresentOrElse(b -> root.set("bandwidth", mapper.valueToTree(b)),
                () -> root.putNull("bandwidth"));
        return root;
    }

    public String render(Verdict v) {
        try {
            return mapper.writeValueAsString(tree(v));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode block(Block b) {
        ObjectNode n = mapper.createObjectNode();
        n.put("leg", b.leg().word());
        n.set("cause", cause(b.cause()));
        ArrayNode fix = n.putArray("fix");
        for (Change c : b.fix()) {
            fix.add(typed(c, words.change(c)));
        }
        return n;
    }

    private ObjectNode cause(Cause c) {
        ObjectNode n = typed(c, words.cause(c));
        if (c instanceof Cause.MoreSpecificRoute m) {
            n.set("downstream", cause(m.downstream()));
        }
        return n;
    }

    private ObjectNode typed(Object o, String text) {
        ObjectNode fields = mapper.valueToTree(o);
        ObjectNode n = mapper.createObjectNode();
        n.put("kind", snake(o.getClass().getSimpleName()));
        n.setAll(fields);
        n.put("text", text);
        return n;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
