package dev.peerform.alicloud;

import dev.peerform.spi.Phase;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource's {@code timeouts} block as its steps' deadline: a configured {@code create}, {@code update} or
 * {@code delete} sets the step's deadline to that long from the step's start, shorter or longer than the engine's
 * step timeout (the engine asks through {@code ConfiguredProvider.stepTimeout}, so its retries of transient
 * errors run to the same deadline); unset operations keep the engine's deadline.
 */
final class Timeouts {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private Timeouts() {
    }

    static StepContext apply(StepContext ctx, Phase phase, ObjectValue current) {
        Duration limit = configured(current, phase);
        if (limit == null) {
            return ctx;
        }
        Instant deadline = ctx.clock().instant().plus(limit);
        return new StepContext() {
            @Override
            public String clientToken() {
                return ctx.clientToken();
            }

            @Override
            public Instant deadline() {
                return deadline;
            }

            @Override
            public boolean cancelled() {
                return ctx.cancelled();
            }

            @Override
            public void progress(String message) {
                ctx.progress(message);
            }

            @Override
            public Clock clock() {
                return ctx.clock();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                ctx.sleep(d);
            }

            @Override
            public void idle(Idle wait) throws InterruptedException {
                ctx.idle(wait);
            }

            @Override
            public List<StepView> waitingForThis() {
                return ctx.waitingForThis();
            }
        };
    }

    /** The configured duration for the phase's operation, or null. */
    static Duration configured(ObjectValue current, Phase phase) {
        Value block = current == null ? null : current.get("timeouts");
        if (block == null || block.isNull() || !block.isKnown() || !(block.unmarked() instanceof ObjectValue o)) {
            return null;
        }
        String operation = switch (phase) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case DESTROY -> "delete";
            case READ -> "read";
        };
        Value v = o.get(operation);
        return v == null || v.isNull() || !v.isKnown() ? null : parse(v.unmarked().asString());
    }

    /** A Go duration as Terraform writes timeouts: "10m", "1h30m", "45s"; null when it is not one. */
    static Duration parse(String text) {
        Matcher m = PART.matcher(text.trim());
        Duration d = Duration.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            long millis = (long) (n * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1_000;
                default -> 1;
            });
            d = d.plusMillis(millis);
            at = m.end();
        }
        return at == text.trim().length() && at > 0 ? d : null;
    }
}
