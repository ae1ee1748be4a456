package dev.peerform.apply;

import dev.peerform.diag.Diagnostic;
import dev.peerform.plans.PlannedStep;
import dev.peerform.value.ObjectValue;
import java.time.Duration;

/** What the apply tells the user as it goes; the CLI prints it, tests record it. Called from several threads. */
public interface ApplyListener {

    ApplyListener NONE = new ApplyListener() {
    };

    default void started(PlannedStep step) {
    }

    /** {@code result} is the object after the step (null once deleted). */
    default void finished(PlannedStep step, Duration elapsed, ObjectValue result) {
    }

    default void failed(PlannedStep step, Diagnostic error) {
    }

    /** A step still running: every 10 seconds ("Still connecting... [20s elapsed]"). */
    default void still(PlannedStep step, Duration elapsed, String lastProgress) {
    }

    default void retrying(PlannedStep step, int attempt, String why, Duration wait) {
    }
}
