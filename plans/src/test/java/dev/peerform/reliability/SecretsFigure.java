package dev.peerform.reliability;

final class SecretsFigure {
    static final String NAME = "secrets";
    private final Harness h;
    SecretsFigure(Harness h) { this.h = h; }
    Figure run() { return new Figure(NAME, "cases"); }
}
