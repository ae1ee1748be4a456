package dev.peerform.workspace;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.config.ModuleScope;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.ModuleValues;
import dev.peerform.lang.Evaluator;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.ResourceType;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.syntax.Expr;
import dev.peerform.syntax.Parser;
import dev.peerform.spi.Schema;
import dev.peerform.value.Value;
import java.util.List;

/**
 * {@code console}: evaluates expressions against the configuration and the stored state (no refresh, nothing
 * planned), so that {@code var.x}, {@code local.y} and {@code alicloud_vpc.a.id} read what the last apply left.
 */
public final class Console {

    private final Evaluator evaluator;

    Console(Workspace.Loaded loaded, State state, String workspace) {
        ModuleValues values = new ModuleValues(loaded.module(), loaded.variables(), loaded.providers(),
                loaded.module().dir(), a -> stored(loaded, state, a), false);
        values.workspace(workspace);
        this.evaluator = values.evaluator(List.of(), ModuleScope.Context.NONE, new Diagnostics());
    }

    /** The value of one expression; null, with the reason, when it does not parse or evaluate. */
    public Value evaluate(String text, Diagnostics diags) {
        Expr e = Parser.parseExpression("<console-input>", text, diags);
        if (diags.hasErrors()) {
            return null;
        }
        Value v = evaluator.evaluate(e, diags);
        return diags.hasErrors() ? null : v;
    }

    private static Value stored(Workspace.Loaded loaded, State state, InstanceAddress a) {
        InstanceState is = state.instance(a);
        if (is == null || is.attributes() == null) {
            return null;
        }
        Schema schema;
        if (a.resource().mode() == ResourceMode.DATA) {
            DataSourceType t = loaded.providers().dataSourceType(a.resource().type());
            schema = t == null ? null : t.schema();
        } else {
            ResourceType t = loaded.providers().resourceType(a.resource().type());
            schema = t == null ? null : t.schema();
        }
        return schema == null ? null : AttributeCodec.decode(is, schema);
    }
}
