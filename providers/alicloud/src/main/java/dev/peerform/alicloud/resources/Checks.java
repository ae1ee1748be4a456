package dev.peerform.alicloud.resources;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.Suggestions;
import dev.peerform.net.Cidr;
import dev.peerform.value.ObjectValue;
import dev.peerform.vpcapi.domain.Spec;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The cloud's rules that one resource's configuration can break, checked before anything is applied. */
final class Checks {

    private Checks() {
    }

    static void cidr(ObjectValue config, String attribute, Diagnostics diags) {
        String v = ObjectValues.str(config, attribute);
        if (v == null) {
            return;
        }
        try {
            Cidr.parse(v);
        } catch (IllegalArgumentException e) {
            diags.errorOn(attribute, "Invalid CIDR block",
                    attribute + " = \"" + v + "\" is not a CIDR block: " + e.getMessage()
                    + ". Write it like 10.0.0.0/16.");
        }
    }

    /**
     * The official schema's length check ({@code StringLenBetween}): the only rule it puts on names and
     * descriptions; VPC and VBR names are not checked at all.
     */
    static void length(ObjectValue config, String attribute, int min, int max, Diagnostics diags) {
        String v = ObjectValues.str(config, attribute);
        if (v != null && (v.length() < min || v.length() > max)) {
            diags.errorOn(attribute, "Invalid value for " + attribute, "expected length of " + attribute
                    + " to be in the range (" + min + " - " + max + "), got " + v);
        }
    }

    /**
     * The spec in the API's list closest to an unknown one: among near spellings (a typo, or a step that does not
     * exist, like Large.3) the one nearest in bandwidth; with no near spelling, the nearest bandwidth overall.
     */
    static String nearestSpec(String given) {
        int mbps = bandwidthOf(given);
        List<Spec> near = Spec.initiatorSpecs().stream().filter(s -> Suggestions.editDistance(
                given.toLowerCase(Locale.ROOT), s.apiName().toLowerCase(Locale.ROOT)) <= 2)
                .toList();
        List<Spec> pool = near.isEmpty() ? Spec.initiatorSpecs() : near;
        return pool.stream().min(Comparator.comparingInt(s -> Math.abs(s.mbps() - mbps))).map(Spec::apiName)
                .orElse(Spec.DEFAULT_SAME_REGION.apiName());
    }

    /** "Large.3" read as well as it can be: the family's base times the step. */
    private static int bandwidthOf(String given) {
        String[] parts = given.split("\\.");
        int base = switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "mini" -> 1;
            case "small" -> 10;
            case "middle" -> 100;
            case "large" -> 1000;
            case "xlarge" -> 10000;
            default -> 1000;
        };
        try {
            return base * Integer.parseInt(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
            return base;
        }
    }
}
