package dev.peerform.addrs;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a module instance path: a module call's name and the instance's key, written as Terraform writes it
 * ({@code net}, {@code net[0]}, {@code net["a"]}). Module paths are lists of these steps' texts, so that an
 * address keeps comparing and printing by its text; these functions take a step apart and put it together.
 */
public record ModuleStep(String name, InstanceKey key) {

    @Override
    public String toString() {
        return name + key;
    }

    public static ModuleStep parse(String step) {
        int bracket = step.indexOf('[');
        if (bracket < 0) {
            return new ModuleStep(step, InstanceKey.NONE);
        }
        return new ModuleStep(step.substring(0, bracket), key(step.substring(bracket)));
    }

    /** The call names of an instance path: the configuration's module path. */
    public static List<String> names(List<String> path) {
        List<String> out = new ArrayList<>(path.size());
        for (String s : path) {
            out.add(parse(s).name());
        }
        return out;
    }

    /**
     * Reads {@code module.a.module.b["k"].} steps from the front of {@code text}: the steps, and the offset where
     * the rest begins. Quoted keys may hold dots and brackets.
     */
    public static Prefix prefix(String text) {
        List<String> steps = new ArrayList<>();
        int i = 0;
        while (text.startsWith("module.", i)) {
            int start = i + 7;
            int j = start;
            while (j < text.length() && text.charAt(j) != '.' && text.charAt(j) != '[') {
                j++;
            }
            String name = text.substring(start, j);
            InstanceKey key = InstanceKey.NONE;
            if (j < text.length() && text.charAt(j) == '[') {
                int end = closing(text, j);
                key = key(text.substring(j, end + 1));
                j = end + 1;
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("\"" + text + "\": a module step needs a name");
            }
            steps.add(new ModuleStep(name, key).toString());
            if (j >= text.length()) {
                return new Prefix(steps, j);
            }
            if (text.charAt(j) != '.') {
                throw new IllegalArgumentException("\"" + text + "\": expected \".\" after module." + name + key);
            }
            i = j + 1;
        }
        return new Prefix(steps, i);
    }

    /** Module steps read from the front of an address, and where the rest of the address begins. */
    public record Prefix(List<String> steps, int end) {
    }

    /** The module path of a state's {@code module} value ({@code module.a["k"].module.b}); empty for null. */
    public static List<String> ofStateModule(String module) {
        if (module == null || module.isEmpty()) {
            return List.of();
        }
        Prefix p = prefix(module);
        if (p.end() != module.length()) {
            throw new IllegalArgumentException("\"" + module + "\" is not a module address");
        }
        return p.steps();
    }

    private static int closing(String text, int open) {
        boolean quoted = false;
        for (int k = open + 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quoted && c == '\\') {
                k++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ']') {
                return k;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\": an instance key ends with \"]\"");
    }

    /** {@code [0]} or {@code ["k"]} as a key. */
    public static InstanceKey key(String bracketed) {
        if (!bracketed.startsWith("[") || !bracketed.endsWith("]")) {
            throw new IllegalArgumentException("\"" + bracketed + "\": an instance key is written [0] or [\"key\"]");
        }
        String k = bracketed.substring(1, bracketed.length() - 1);
        if (k.startsWith("\"") && k.endsWith("\"") && k.length() >= 2) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < k.length() - 1; i++) {
                char c = k.charAt(i);
                if (c == '\\' && i + 1 < k.length() - 1) {
                    c = k.charAt(++i);
                }
                b.append(c);
            }
            return new InstanceKey.StringKey(b.toString());
        }
        try {
            return new InstanceKey.IntKey(Integer.parseInt(k));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + bracketed + "\": an instance key is a number or a quoted string");
        }
    }
}
