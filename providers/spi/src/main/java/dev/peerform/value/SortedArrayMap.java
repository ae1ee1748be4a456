package dev.peerform.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map of string keys in their natural order, kept as two arrays: an object's attributes and a map's
 * elements, of which a plan of 50,000 resources holds millions. An unmodifiable view of a {@code TreeMap} costs about
 * 72 bytes and one 40-byte entry per key; this costs about 40 bytes and 8 per key. Lookups are binary searches (the
 * maps are small). Equal to any map with the same entries, and prints as a {@code TreeMap} does.
 */
final class SortedArrayMap extends AbstractMap<String, Value> implements SortedMap<String, Value> {

    private static final String[] NO_KEYS = {};
    private static final Value[] NO_VALUES = {};
    static final SortedArrayMap EMPTY = new SortedArrayMap(NO_KEYS, NO_VALUES);

    private final String[] keys;
    private final Value[] values;

    private SortedArrayMap(String[] keys, Value[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A copy of {@code m} in key order; a null key is refused as a {@code TreeMap} refuses it. */
    static SortedArrayMap copyOf(Map<String, ? extends Value> m) {
        if (m instanceof SortedArrayMap s) {
            return s;
        }
        int n = m.size();
        if (n == 0) {
            return EMPTY;
        }
        String[] ks = new String[n];
        Value[] vs = new Value[n];
        int i = 0;
        boolean sorted = true;
        for (Map.Entry<String, ? extends Value> e : m.entrySet()) {
            String k = e.getKey();
            if (k == null) {
                throw new NullPointerException("a map key is null");
            }
            if (i > 0 && sorted && ks[i - 1].compareTo(k) >= 0) {
                sorted = false;
            }
            ks[i] = k;
            vs[i] = e.getValue();
            i++;
        }
        if (!sorted) {
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, Comparator.comparing(j -> ks[j]));
            String[] sk = new String[n];
            Value[] sv = new Value[n];
            for (int j = 0; j < n; j++) {
                sk[j] = ks[order[j]];
                sv[j] = vs[order[j]];
            }
            return new SortedArrayMap(sk, sv);
        }
        return new SortedArrayMap(ks, vs);
    }

    private int indexOf(Object key) {
        return key instanceof String s ? Arrays.binarySearch(keys, s) : -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Value get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Value> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, Value>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<String, Value>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Value> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }
        };
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedMap<String, Value> subMap(String fromKey, String toKey) {
        if (fromKey.compareTo(toKey) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return range(lowest(fromKey), lowest(toKey));
    }

    @Override
    public SortedMap<String, Value> headMap(String toKey) {
        return range(0, lowest(toKey));
    }

    @Override
    public SortedMap<String, Value> tailMap(String fromKey) {
        return range(lowest(fromKey), keys.length);
    }

    @Override
    public String firstKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[0];
    }

    @Override
    public String lastKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[keys.length - 1];
    }

    /** The index of the first key at or after {@code key}. */
    private int lowest(String key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? i : -i - 1;
    }

    private SortedArrayMap range(int from, int to) {
        return from >= to ? EMPTY
                : new SortedArrayMap(Arrays.copyOfRange(keys, from, to), Arrays.copyOfRange(values, from, to));
    }
}
