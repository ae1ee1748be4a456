package dev.peerform.states;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code state} or {@code plan} block of an encryption configuration: the method files are written with,
 * the {@code fallback} methods tried (in order) when reading one that the method cannot open (an older key, or
 * a file not yet encrypted), and whether writing a plain file is refused ({@code enforced}).
 */
public record EncryptionTarget(String name, EncryptionMethod method, List<EncryptionMethod> fallbacks,
        boolean enforced) {

    public EncryptionTarget {
        fallbacks = List.copyOf(fallbacks);
    }

    /** The methods reading tries, the writing one first. */
    List<EncryptionMethod> readers() {
        List<EncryptionMethod> out = new ArrayList<>();
        if (method != null) {
            out.add(method);
        }
        out.addAll(fallbacks);
        return out;
    }
}
