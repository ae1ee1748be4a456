package dev.peerform.dag;

import java.util.List;

/** A directed acyclic graph as the walker reads it: every vertex in a deterministic order, and its neighbours. */
public interface Dag<V> {

    /** Every vertex, dependencies before their dependents; ties in a stable order. */
    List<V> ordered();

    List<V> predecessors(V v);

    List<V> successors(V v);
}
