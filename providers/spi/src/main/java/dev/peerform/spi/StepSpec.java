package dev.peerform.spi;

import java.util.Objects;

/**
 * One step a provider declares for a change, such as "create the acceptor interface" or "wait until Inactive":
 * its kind (from the provider's closed set), its phase, what it does, and what it waits for, for the plan's ordered
 * actions ("" when it does not wait). Two specs are equal when their names are, whether the kind is the provider's
 * constant or was read back from a saved plan by name.
 */
public record StepSpec(StepKind kind, Phase phase, String description, String waitsFor) {

    /** A step read back by name (a saved plan, a journal). */
    public StepSpec(String name, Phase phase, String description, String waitsFor) {
        this(StepKind.named(name), phase, description, waitsFor);
    }

    public static StepSpec of(StepKind kind, Phase phase, String description) {
        return new StepSpec(kind, phase, description, "");
    }

    public static StepSpec of(String name, Phase phase, String description) {
        return new StepSpec(StepKind.named(name), phase, description, "");
    }

    /** The kind's persisted name. */
    public String name() {
        return kind.id();
    }

    public StepSpec waiting(String what) {
        return new StepSpec(kind, phase, description, what);
    }

    /** True when this step is of {@code other} kind (by name, so a step read back from a plan matches too). */
    public boolean is(StepKind other) {
        return name().equals(other.id());
    }

    /**
     * This step's kind as a constant of the provider's enum {@code type}: the constant itself, or the one whose name
     * a step read back from a saved plan carries.
     *
     * @throws IllegalArgumentException when {@code type} has no step of this name
     */
    public <E extends Enum<E> & StepKind> E kindOf(Class<E> type) {
        if (type.isInstance(kind)) {
            return type.cast(kind);
        }
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(name())) {
                return e;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no step \"" + name() + "\"");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepSpec s && name().equals(s.name()) && phase == s.phase
                && Objects.equals(description, s.description) && Objects.equals(waitsFor, s.waitsFor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), phase, description, waitsFor);
    }
}
