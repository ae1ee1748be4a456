package dev.peerform.diag;

import java.util.Objects;

/**
 * One problem found in the user's input or in the cloud's answer: what is wrong (summary), why and how to fix
 * it (detail), and where (subject, absent when no source position applies, for example a cloud error). A
 * provider, which sees values and not source, names the resource (address) and the argument (attribute) instead;
 * the engine turns them into the argument's position in the configuration.
 * Diagnostics are collected as values rather than thrown, so a run reports every problem it can find.
 */
public record Diagnostic(Severity severity, String summary, String detail, SourceRange subject, String address,
        String attribute) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        detail = detail == null ? "" : detail;
    }

    public static Diagnostic error(String summary, String detail, SourceRange subject) {
        return new Diagnostic(Severity.ERROR, summary, detail, subject, null, null);
    }

    public static Diagnostic warning(String summary, String detail, SourceRange subject) {
        return new Diagnostic(Severity.WARNING, summary, detail, subject, null, null);
    }

    /** An error about a resource, named by its address, for example {@code alicloud_router_interface.a}. */
    public static Diagnostic errorAt(String address, String summary, String detail) {
        return new Diagnostic(Severity.ERROR, summary, detail, null, address, null);
    }

    public static Diagnostic warningAt(String address, String summary, String detail) {
        return new Diagnostic(Severity.WARNING, summary, detail, null, address, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Diagnostic withSubject(SourceRange range) {
        return new Diagnostic(severity, summary, detail, range, address, attribute);
    }

    public Diagnostic withAddress(String resourceAddress) {
        return new Diagnostic(severity, summary, detail, subject, resourceAddress, attribute);
    }

    /** The top-level argument of the resource the problem is about ({@code specification}). */
    public Diagnostic withAttribute(String name) {
        return new Diagnostic(severity, summary, detail, subject, address, name);
    }

    /** One line for logs and tests: {@code Error: summary (main.tf:3,5-12)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(severity.label()).append(": ").append(summary);
        if (subject != null) {
            b.append(" (").append(subject).append(')');
        }
        if (address != null) {
            b.append(" [").append(address).append(']');
        }
        return b.toString();
    }
}
