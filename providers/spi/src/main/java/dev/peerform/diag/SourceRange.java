package dev.peerform.diag;

/**
 * A half-open range of a source file, the subject of a diagnostic or the extent of a syntax node.
 * Prints as HCL does: {@code main.tf:3,5-12} on one line, {@code main.tf:3,5-4,2} across lines.
 */
public record SourceRange(String filename, SourcePos start, SourcePos end) {

    public SourceRange {
        if (end.offset() < start.offset()) {
            throw new IllegalArgumentException("range ends before it starts: " + start + " > " + end);
        }
    }

    /** The smallest range covering both; both must be of the same file. */
    public SourceRange to(SourceRange other) {
        SourcePos s = start.compareTo(other.start) <= 0 ? start : other.start;
        SourcePos e = end.compareTo(other.end) >= 0 ? end : other.end;
        return new SourceRange(filename, s, e);
    }

    @Override
    public String toString() {
        if (start.line() == end.line()) {
            return filename + ":" + start.line() + "," + start.column() + "-" + end.column();
        }
        return filename + ":" + start.line() + "," + start.column() + "-" + end.line() + "," + end.column();
    }
}
