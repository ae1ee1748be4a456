package dev.peerform.diag;

public enum Severity {
    ERROR("Error"),
    WARNING("Warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word a user reads: "Error" or "Warning". */
    public String label() {
        return label;
    }
}
