package dev.peerform.render;

import dev.peerform.value.Value;
import java.util.List;

/** Values written as HCL, as {@code output} and {@code show} print them. */
public final class Values {

    private Values() {
    }

    /** The value over one or more lines, nested values indented by four as Terraform's show and state show. */
    public static List<String> hcl(Value v) {
        return ValueRenderer.value(v, 2, " ");
    }

    /**
     * As {@link #hcl}, for a value whose type is its own (an output's): a map's keys are quoted, as Terraform's show
     * prints a map (a resource's dynamic attribute holding a map reads as an object, its keys bare).
     */
    public static List<String> typed(Value v) {
        return ValueRenderer.value(v, 2, " ", true);
    }

    /** The value as Terraform prints an output ("Outputs:", {@code output NAME}): keys quoted, types marked. */
    public static String output(Value v) {
        return OutputValueFormat.format(v, 0);
    }
}
