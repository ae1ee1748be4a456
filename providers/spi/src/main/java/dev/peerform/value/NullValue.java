package dev.peerform.value;

/** The absence of a value; it still has a type, so that conversions and schemas can check it. */
public record NullValue(Type type) implements Value {
    @Override
    public String toString() {
        return "null";
    }
}
