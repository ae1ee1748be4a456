package dev.peerform.value;

/** A value marked sensitive: it is never printed, and what is computed from it is sensitive too. */
public record SensitiveValue(Value inner) implements Value {

    public SensitiveValue {
        if (inner instanceof SensitiveValue) {
            throw new IllegalArgumentException("already sensitive");
        }
    }

    @Override
    public Type type() {
        return inner.type();
    }

    /** Never the secret itself, so that no log or message can leak it by accident. */
    @Override
    public String toString() {
        return "(sensitive value)";
    }
}
