package dev.peerform.diag;

/**
 * A position in a source file: line and column count from 1 (column in characters), offset from 0.
 */
public record SourcePos(int line, int column, int offset) implements Comparable<SourcePos> {

    public static final SourcePos START = new SourcePos(1, 1, 0);

    @Override
    public int compareTo(SourcePos other) {
        return Integer.compare(offset, other.offset);
    }
}
