package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import dev.peerform.lang.TypeConstraint;
import dev.peerform.syntax.Expr;
import dev.peerform.value.Value;
import java.util.List;

/** A {@code variable} block. {@code defaultValue} is null when the variable has no default (it is required). */
public record Variable(String name, TypeConstraint type, Value defaultValue, String description, boolean sensitive,
        boolean nullable, List<Validation> validations, SourceRange range) {

    /** A {@code validation} block: the condition must hold, or error_message is the user's error. */
    public record Validation(Expr condition, Expr errorMessage, SourceRange range) {
    }

    public boolean required() {
        return defaultValue == null;
    }
}
