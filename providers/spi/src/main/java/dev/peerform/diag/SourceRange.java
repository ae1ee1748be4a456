package dev.peerform.diag;

import java.util.Objects;

/**
 * A half-open range of a source file, the subject of a diagnostic or the extent of a syntax node.
 * Prints as HCL does: {@code main.tf:3,5-12} on one line, {@code main.tf:3,5-4,2} across lines.
 *
 * <p>Every token and syntax node has one (a configuration of 50,000 resources scans 2.8 million tokens and keeps a
 * million ranges), so the two positions are kept as six ints rather than two {@link SourcePos} objects: 40 bytes a
 * range instead of 72. {@link #start()} and {@link #end()} make the positions when asked. Equal, hashed and printed
 * as the record of a file name and two positions it was.
 */
public final class SourceRange {

    private final String filename;
    private final int startLine;
    private final int startColumn;
    private final int startOffset;
    private final int endLine;
    private final int endColumn;
    private final int endOffset;

    public SourceRange(String filename, SourcePos start, SourcePos end) {
        if (end.offset() < start.offset()) {
            throw new IllegalArgumentException("range ends before it starts: " + start + " > " + end);
        }
        this.filename = filename;
        this.startLine = start.line();
        this.startColumn = start.column();
        this.startOffset = start.offset();
        this.endLine = end.line();
        this.endColumn = end.column();
        this.endOffset = end.offset();
    }

    public String filename() {
        return filename;
    }

    public SourcePos start() {
        return new SourcePos(startLine, startColumn, startOffset);
    }

    public SourcePos end() {
        return new SourcePos(endLine, endColumn, endOffset);
    }

    /** The smallest range covering both; both must be of the same file. */
    public SourceRange to(SourceRange other) {
        SourcePos s = startOffset <= other.startOffset ? start() : other.start();
        SourcePos e = endOffset >= other.endOffset ? end() : other.end();
        return new SourceRange(filename, s, e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceRange r && startLine == r.startLine && startColumn == r.startColumn
                && startOffset == r.startOffset && endLine == r.endLine && endColumn == r.endColumn
                && endOffset == r.endOffset && Objects.equals(filename, r.filename);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(filename);
        h = 31 * h + start().hashCode();
        return 31 * h + end().hashCode();
    }

    @Override
    public String toString() {
        if (startLine == endLine) {
            return filename + ":" + startLine + "," + startColumn + "-" + endColumn;
        }
        return filename + ":" + startLine + "," + startColumn + "-" + endLine + "," + endColumn;
    }
}
