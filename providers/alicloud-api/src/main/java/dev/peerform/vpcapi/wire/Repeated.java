package dev.peerform.vpcapi.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Repeated parameters, numbered from 1 as the RPC protocol has them: {@code Filter.1.Key},
 * {@code Filter.1.Value.1}, {@code Filter.1.Value.2}. The client writes them, the emulator reads them back.
 */
public final class Repeated {

    private Repeated() {
    }

    /** Adds filter number {@code n} (from 1): its key and each value. */
    public static void filter(Map<String, String> into, int n, String key, List<String> values) {
        into.put("Filter." + n + ".Key", key);
        for (int i = 0; i < values.size(); i++) {
            into.put("Filter." + n + ".Value." + (i + 1), values.get(i));
        }
    }

    /** {@code Prefix.1}, {@code Prefix.2}, ... until the first missing number. */
    public static List<String> numbered(Map<String, String> params, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; params.containsKey(prefix + "." + i); i++) {
            out.add(params.get(prefix + "." + i));
        }
        return out;
    }
}
