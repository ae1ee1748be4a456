package dev.peerform.value;

public record BoolValue(boolean value) implements Value {

    static final BoolValue TRUE = new BoolValue(true);
    static final BoolValue FALSE = new BoolValue(false);

    @Override
    public Type type() {
        return Type.BOOL;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
