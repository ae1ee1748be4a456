package dev.peerform.value;

import java.util.Objects;

public record StringValue(String value) implements Value {

    public StringValue {
        Objects.requireNonNull(value);
    }

    @Override
    public Type type() {
        return Type.STRING;
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
