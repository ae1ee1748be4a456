package dev.peerform.syntax;

/** A parsed file: its name, its text (for diagnostics that quote a line) and its body. */
public record ConfigFile(String filename, String source, Body body) {
}
