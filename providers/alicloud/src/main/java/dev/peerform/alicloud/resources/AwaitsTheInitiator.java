package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;

/**
 * An acceptor's end becomes Active only when the initiator connects, and only the initiator's connection step
 * connects it. When that step is among the steps waiting for the acceptor's (a {@code depends_on} from the
 * initiator's connection, in a plan that could not tell the roles and so could not order the acceptor's wait after
 * the initiator's connect), waiting here would wait for ever: a cycle between waits. The acceptor's end then does what
 * the official provider's acceptor connection does, sets its opposite information and leaves the wait for Active to
 * the initiator's step, so that the cloud sees the same calls in the same order as without the {@code depends_on}.
 */
final class AwaitsTheInitiator {

    private AwaitsTheInitiator() {
    }

    /** True when the Idle {@code acceptor}'s initiator has not begun connecting and its connect waits for this step. */
    static boolean initiatorWaitsForThis(Api api, JsonNode acceptor, StepContext ctx) throws ApiException {
        String opposite = Answers.text(acceptor, "OppositeInterfaceId");
        if (opposite == null) {
            return false;
        }
        for (StepView v : ctx.waitingForThis()) {
            String end = known(v.after(), "interface_id");
            // an end the plan could not name yet may be the initiator's: its connect is behind this step either way
            if (v.type().equals(ConnectionResource.TYPE) && v.spec().is(ConnectionStep.CONNECT)
                    && (end == null || opposite.equals(end))) {
                String region = Answers.text(acceptor, "OppositeRegionId");
                JsonNode initiator = region == null || region.equals(api.region())
                        ? InterfacePoller.of(api).now(ctx, opposite) : InterfaceReader.one(api, opposite, region);
                if (initiator == null || "Idle".equals(Answers.text(initiator, "Status"))) {
                    ctx.progress("the initiator's " + v.address() + " connects after this step and awaits Active");
                    return true;
                }
            }
        }
        return false;
    }

    /** The attribute's id, or null while it is not known. */
    private static String known(ObjectValue values, String attribute) {
        Value v = values == null ? null : values.get(attribute);
        return v != null && v.isKnown() && !v.isNull() && v.unmarked() instanceof StringValue s ? s.value() : null;
    }
}
