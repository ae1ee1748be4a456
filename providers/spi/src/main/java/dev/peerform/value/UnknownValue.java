package dev.peerform.value;

/** A value known only after apply, such as an id the cloud assigns. Its type may be known already. */
public record UnknownValue(Type type) implements Value {
    @Override
    public String toString() {
        return "(known after apply)";
    }
}
