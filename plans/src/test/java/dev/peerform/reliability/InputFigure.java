package dev.peerform.reliability;

final class InputFigure {
    static final String NAME = "input";
    private final Harness h;
    InputFigure(Harness h) { this.h = h; }
    Figure run() { return new Figure(NAME, "cases"); }
}
