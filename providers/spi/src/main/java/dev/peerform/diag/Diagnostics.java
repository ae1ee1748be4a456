package dev.peerform.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered collection of diagnostics that a stage accumulates and hands on. Not thread-safe: each stage
 * collects into its own and merges.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostics add(Diagnostic d) {
        items.add(d);
        return this;
    }

    public Diagnostics addAll(Diagnostics other) {
        items.addAll(other.items);
        return this;
    }

    public Diagnostics addAll(List<Diagnostic> other) {
        items.addAll(other);
        return this;
    }

    public Diagnostics error(String summary, String detail, SourceRange subject) {
        return add(Diagnostic.error(summary, detail, subject));
    }

    /** An error about one argument of the resource being checked; the engine shows it at that argument. */
    public Diagnostics errorOn(String attribute, String summary, String detail) {
        return add(Diagnostic.error(summary, detail, null).withAttribute(attribute));
    }

    public Diagnostics warning(String summary, String detail, SourceRange subject) {
        return add(Diagnostic.warning(summary, detail, subject));
    }

    public boolean hasErrors() {
        for (Diagnostic d : items) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    public List<Diagnostic> list() {
        return Collections.unmodifiableList(items);
    }

    public List<Diagnostic> errors() {
        return items.stream().filter(Diagnostic::isError).toList();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
