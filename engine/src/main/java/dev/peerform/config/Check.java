package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import java.util.List;

/**
 * A {@code check} block: assertions about the infrastructure as a whole, judged on every plan and apply. A failed
 * assertion is a warning, never an error, as in Terraform. {@code data} names the scoped data source, if any (it
 * is read like the module's others).
 */
public record Check(String name, List<Condition> asserts, String data, SourceRange range) {
}
