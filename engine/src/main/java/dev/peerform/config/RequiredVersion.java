package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code terraform { required_version = "..." }}, checked against the Terraform version whose language peerform
 * speaks: 1.11 (the state records it as 1.11.4). Constraints are Terraform's: comma-separated, each {@code =},
 * {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=}, {@code ~>} or none, before a version of one to three
 * numbers.
 */
final class RequiredVersion {

    /** The Terraform version peerform is compatible with. */
    static final String COMPATIBLE = "1.11.4";

    private RequiredVersion() {
    }

    static void check(String constraint, SourceRange range, Diagnostics diags) {
        Boolean ok;
        try {
            ok = allows(constraint, parse(COMPATIBLE));
        } catch (IllegalArgumentException e) {
            diags.error("Invalid version constraint", "The required_version \"" + constraint + "\" is not a "
                    + "version constraint: " + e.getMessage() + " Write it like \">= 1.5, < 2.0\" or \"~> 1.11\".",
                    range);
            return;
        }
        if (!ok) {
            diags.error("Unsupported Terraform Core version", "This configuration does not support Terraform "
                    + "version " + COMPATIBLE + ", the version whose language peerform speaks: its "
                    + "required_version is \"" + constraint + "\". Change the constraint, or use a peerform that "
                    + "speaks a version it allows.", range);
        }
    }

    static boolean allows(String constraint, int[] version) {
        for (String part : constraint.split(",")) {
            String p = part.trim();
            String op = "=";
            for (String o : List.of("~>", ">=", "<=", "!=", ">", "<", "=")) {
                if (p.startsWith(o)) {
                    op = o;
                    p = p.substring(o.length()).trim();
                    break;
                }
            }
            int given = p.split("\\.", -1).length;
            int[] v = parse(p);
            int c = compare(version, v);
            boolean holds = switch (op) {
                case ">=" -> c >= 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case "<" -> c < 0;
                case "!=" -> c != 0;
                case "~>" -> c >= 0 && compare(version, pessimisticLimit(v, given)) < 0;
                default -> c == 0;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** {@code ~> 1.11.0} allows below 1.12.0; {@code ~> 1.11} below 2.0; {@code ~> 1} below 2. */
    private static int[] pessimisticLimit(int[] v, int given) {
        int[] limit = v.clone();
        int bump = Math.max(0, given - 2);
        limit[bump]++;
        for (int i = bump + 1; i < limit.length; i++) {
            limit[i] = 0;
        }
        return limit;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int[] parse(String text) {
        String t = text.trim();
        if (t.startsWith("v")) {
            t = t.substring(1);
        }
        int dash = t.indexOf('-');
        if (dash >= 0) {
            t = t.substring(0, dash);
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length < 1 || parts.length > 3) {
            throw new IllegalArgumentException("\"" + text.trim() + "\" is not a version.");
        }
        List<Integer> nums = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty() || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("\"" + text.trim() + "\" is not a version.");
            }
            nums.add(Integer.parseInt(p));
        }
        while (nums.size() < 3) {
            nums.add(0);
        }
        return new int[] {nums.get(0), nums.get(1), nums.get(2)};
    }
}
