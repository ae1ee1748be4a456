package dev.peerform.addrs;

import dev.peerform.value.Value;

/** An instance's key: none (a single instance), an index ({@code count}) or a string ({@code for_each}). */
public sealed interface InstanceKey extends Comparable<InstanceKey> {

    NoKey NONE = new NoKey();

    record NoKey() implements InstanceKey {
        @Override
        public String toString() {
            return "";
        }
    }

    record IntKey(int index) implements InstanceKey {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    record StringKey(String key) implements InstanceKey {
        @Override
        public String toString() {
            return "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }
    }

    /** The key as a value, for count.index and each.key, and for the state's index_key. */
    default Value value() {
        if (this instanceof IntKey i) {
            return Value.of(i.index());
        }
        if (this instanceof StringKey s) {
            return Value.of(s.key());
        }
        return Value.NULL;
    }

    @Override
    default int compareTo(InstanceKey o) {
        if (this instanceof IntKey a && o instanceof IntKey b) {
            return Integer.compare(a.index(), b.index());
        }
        if (this instanceof StringKey a && o instanceof StringKey b) {
            return a.key().compareTo(b.key());
        }
        return Integer.compare(rank(this), rank(o));
    }

    private static int rank(InstanceKey k) {
        return k instanceof NoKey ? 0 : k instanceof IntKey ? 1 : 2;
    }
}
