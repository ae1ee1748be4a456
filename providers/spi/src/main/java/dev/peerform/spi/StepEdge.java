package dev.peerform.spi;

/**
 * An ordering rule's result: step {@code before} must finish before step {@code after} starts. {@code why} is shown
 * in the plan's ordered actions.
 */
public record StepEdge(StepView before, StepView after, String why) {
}
