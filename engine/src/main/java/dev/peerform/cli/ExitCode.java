package dev.peerform.cli;

/** Terraform's exit codes, which scripts and CI depend on. */
final class ExitCode {

    static final int OK = 0;
    static final int ERROR = 1;
    /** With {@code -detailed-exitcode}: succeeded, and there are changes. */
    static final int CHANGES = 2;
    /** No command given: Terraform prints its help and exits 127. */
    static final int USAGE = 127;

    private ExitCode() {
    }
}
