package dev.peerform.lang;

/** An operation on values failed; summary and detail become a diagnostic at the expression's range. */
public final class EvalException extends Exception {

    private final String summary;

    public EvalException(String summary, String detail) {
        super(detail, null, false, false);
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }

    public String detail() {
        return getMessage();
    }
}
