package dev.peerform.render;

import dev.peerform.syntax.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The names plan JSON lists for one reference, as Terraform lists them: the reference as written, then each shorter
 * form down to the object it names ({@code terraform_data.a.output.tags}, {@code terraform_data.a.output},
 * {@code terraform_data.a}), then the whole resource when an instance was named ({@code terraform_data.b[0]},
 * {@code terraform_data.b}). Policy tools match on these strings.
 */
final class ReferenceNames {

    /** Roots whose subject is the root and one name: var.x, local.x, count.index, each.key, path.module, ... */
    private static final Set<String> ONE_NAME = Set.of("var", "local", "count", "each", "path", "terraform", "self");

    private ReferenceNames() {
    }

    static List<String> of(Expr.ScopeTraversal t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.root());
        t.steps().forEach(s -> parts.add(s.toString()));
        int named = ONE_NAME.contains(t.root()) ? 2 : t.root().equals("data") ? 3 : 2;
        int subject = Math.min(parts.size(), named);
        boolean instance = !ONE_NAME.contains(t.root()) && parts.size() > subject
                && t.steps().get(subject - 1) instanceof Expr.IndexStep;
        if (instance) {
            subject++;
        }
        List<String> out = new ArrayList<>();
        for (int i = parts.size(); i >= subject; i--) {
            out.add(String.join("", parts.subList(0, i)));
        }
        if (instance) {
            out.add(String.join("", parts.subList(0, subject - 1)));
        }
        return out;
    }
}
