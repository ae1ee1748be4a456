package dev.peerform.spi;

/**
 * A kind of step, from the closed set a resource type declares (an enum per type or provider): "create",
 * "set-opposite", "suspend". {@link #id()} is the name plans, journals and ordering rules know it by; it never
 * changes once released, because saved plans and journals hold it.
 */
public interface StepKind {

    /** The persisted name, such as {@code set-opposite}. */
    String id();

    /** A kind known only by its persisted name: what a saved plan or a journal gives back. */
    static StepKind named(String id) {
        return new Named(id);
    }

    /** A kind read back from its name; the provider resolves it to its own constant with {@link StepSpec#kindOf}. */
    record Named(String id) implements StepKind {
    }
}
