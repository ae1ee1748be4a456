package dev.peerform.alicloud.resources;

import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import java.time.Duration;

/**
 * Polling until the cloud reaches a status, as a client must: the real cloud's transitions take seconds to
 * minutes. Backs off from 200 ms to 5 s, reports progress, honours the step's deadline and cancellation.
 */
final class Waits {

    interface Probe {
        /** The current status, or null when the object is gone. */
        String status() throws ApiException;
    }

    private Waits() {
    }

    /** Waits until the probe answers {@code wanted} (null: until the object is gone). */
    static void until(StepContext ctx, String what, String wanted, Probe probe) throws StepException {
        Duration delay = Duration.ofMillis(200);
        while (true) {
            String now;
            try {
                now = probe.status();
            } catch (ApiException e) {
                if (e.isTransient()) {
                    now = "(" + e.code() + ")";
                } else {
                    throw Errors.step(e, what);
                }
            }
            if (wanted == null ? now == null : wanted.equals(now)) {
                return;
            }
            ctx.progress("waiting for " + (wanted == null ? "deletion" : wanted) + "; status " + now);
            if (ctx.cancelled()) {
                throw StepException.permanent("stopped while waiting for " + what + " (status " + now + ")",
                        "Interrupted", "Run apply again to continue.");
            }
            if (ctx.clock().instant().isAfter(ctx.deadline())) {
                throw StepException.permanent("timed out waiting for " + what + " (status " + now + ")", "Timeout",
                        "The cloud did not finish in time. Check the object in the console, then run apply again.");
            }
            try {
                ctx.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StepException.permanent("interrupted while waiting for " + what, "Interrupted", "");
            }
            delay = Duration.ofMillis(Math.min(5_000, delay.toMillis() * 3 / 2));
        }
    }
}
