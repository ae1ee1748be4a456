package dev.peerform.alicloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.peerform.spi.Phase;
import dev.peerform.spi.StepContext;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@code timeouts} block sets a step's deadline to the configured operation's duration, shorter or longer. */
class TimeoutsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static StepContext context(Duration left) {
        return new StepContext() {
            @Override
            public String clientToken() {
                return "t";
            }

            @Override
            public Instant deadline() {
                return NOW.plus(left);
            }

            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void progress(String message) {
            }

            @Override
            public Clock clock() {
                return Clock.fixed(NOW, ZoneOffset.UTC);
            }

            @Override
            public void sleep(Duration d) {
            }
        };
    }

    private static ObjectValue state(String create, String delete) {
        return new ObjectValue(Map.of("timeouts", new ObjectValue(Map.of("create", Value.of(create), "delete",
                Value.of(delete)))));
    }

    @Test
    void aConfiguredTimeoutSetsTheStepDeadlineOfItsOperationOnly() {
        ObjectValue s = state("2m", "1h30m");
        assertEquals(NOW.plus(Duration.ofMinutes(2)), Timeouts.apply(context(Duration.ofHours(1)), Phase.CREATE, s)
                .deadline());
        assertEquals(NOW.plus(Duration.ofMinutes(90)), Timeouts.apply(context(Duration.ofHours(1)), Phase.DESTROY, s)
                .deadline(), "a timeout longer than the engine's step timeout lengthens the deadline");
        StepContext ctx = context(Duration.ofHours(1));
        assertSame(ctx, Timeouts.apply(ctx, Phase.UPDATE, s), "an unset operation keeps the engine's deadline");
        assertSame(ctx, Timeouts.apply(ctx, Phase.CREATE, new ObjectValue(Map.of())));
    }

    @Test
    void durationsAreReadAsTerraformWritesThem() {
        assertEquals(Duration.ofMinutes(10), Timeouts.parse("10m"));
        assertEquals(Duration.ofMinutes(90), Timeouts.parse("1h30m"));
        assertEquals(Duration.ofMillis(1500), Timeouts.parse("1.5s"));
        assertEquals(Duration.ofMillis(250), Timeouts.parse("250ms"));
        assertNull(Timeouts.parse("ten minutes"));
        assertNull(Timeouts.parse(""));
    }
}
