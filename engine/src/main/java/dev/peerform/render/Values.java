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

    /** The value as Terraform prints an output ("Outputs:", {@code output NAME}): keys quoted, types marked. */
    public static String output(Value v) {
        return OutputValueFormat.format(v, 0);
    }
}
