package dev.peerform.render.hcl;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Block names made from the objects' own names: lower case, runs of anything but letters, digits and underscores
 * as one underscore, a leading digit prefixed; the type's short name when an object has none; a number appended
 * when the name is taken in its type.
 */
public final class BlockNames {

    private final Set<String> taken = new HashSet<>();

    /** Reserves an address that exists already (a resource block of the configuration). */
    public void reserve(String type, String name) {
        taken.add(type + "." + name);
    }

    public String name(String type, String wanted) {
        String base = sanitised(wanted);
        if (base.isEmpty()) {
            base = type.contains("_") ? type.substring(type.indexOf('_') + 1) : type;
        }
        String name = base;
        for (int n = 2; !taken.add(type + "." + name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    static String sanitised(String wanted) {
        if (wanted == null) {
            return "";
        }
        String s = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_")
                .replaceAll("^_|_$", "");
        return !s.isEmpty() && Character.isDigit(s.charAt(0)) ? "r_" + s : s;
    }
}
