package dev.peerform.spi;

/**
 * One step a provider declares for a change, such as "create the acceptor interface" or "wait until Inactive".
 * {@code waitsFor} says what the step waits for, for the plan's ordered actions ("" when it does not wait).
 */
public record StepSpec(String name, Phase phase, String description, String waitsFor) {

    public static StepSpec of(String name, Phase phase, String description) {
        return new StepSpec(name, phase, description, "");
    }

    public StepSpec waiting(String what) {
        return new StepSpec(name, phase, description, what);
    }
}
