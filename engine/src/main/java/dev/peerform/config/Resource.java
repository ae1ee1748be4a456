package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Body;
import dev.peerform.syntax.Expr;
import java.util.List;

/**
 * A {@code resource} or {@code data} block: its meta-arguments decoded, its own arguments left in {@code body} for
 * the provider's schema to decode. {@code provider} is the provider configuration key ({@code alicloud},
 * {@code alicloud.b}); by default the type's prefix before the first underscore.
 */
public record Resource(Mode mode, String type, String name, String provider, Expr count, Expr forEach,
        List<Expr.ScopeTraversal> dependsOn, Lifecycle lifecycle, Body body, SourceRange range) {

    public enum Mode { MANAGED, DATA }

    /** {@code alicloud_vpc.a} or {@code data.alicloud_vpcs.all}, within its module. */
    public String address() {
        return (mode == Mode.DATA ? "data." : "") + type + "." + name;
    }

    /** The provider a type belongs to by default: the part of its name before the first underscore. */
    public static String impliedProvider(String type) {
        int underscore = type.indexOf('_');
        return underscore < 0 ? type : type.substring(0, underscore);
    }
}
