package dev.peerform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.apply.ApplyListener;
import dev.peerform.diag.Diagnostic;
import dev.peerform.plans.PlannedStep;
import dev.peerform.value.ObjectValue;
import java.time.Duration;

/**
 * Apply progress as Terraform's JSON hooks (apply_start, apply_progress, apply_complete, apply_errored). Terraform
 * reports a resource; peerform reports each of its steps, so every hook also names the step ("peerform_step").
 */
final class JsonProgress implements ApplyListener {

    private final JsonLines lines;

    JsonProgress(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public void started(PlannedStep step) {
        lines.emit(hook("apply_start", "info", ProgressPrinter.startedMessage(step), step));
    }

    @Override
    public void finished(PlannedStep step, Duration elapsed, ObjectValue result) {
        String id = ProgressPrinter.id(result);
        ObjectNode line = hook("apply_complete", "info", ProgressPrinter.finishedMessage(step, elapsed, id), step);
        ObjectNode hook = (ObjectNode) line.get("hook");
        if (id != null) {
            hook.put("id_key", "id").put("id_value", id);
        }
        hook.put("elapsed_seconds", elapsed.toSeconds());
        lines.emit(line);
    }

    @Override
    public void failed(PlannedStep step, Diagnostic error) {
        lines.emit(hook("apply_errored", "error", ProgressPrinter.failedMessage(step), step));
    }

    @Override
    public void still(PlannedStep step, Duration elapsed, String lastProgress) {
        ObjectNode line = hook("apply_progress", "info", ProgressPrinter.stillMessage(step, elapsed, lastProgress),
                step);
        ((ObjectNode) line.get("hook")).put("elapsed_seconds", elapsed.toSeconds());
        lines.emit(line);
    }

    private static ObjectNode hook(String type, String level, String message, PlannedStep step) {
        ObjectNode line = JsonLines.line(type, level, message);
        ObjectNode hook = line.putObject("hook");
        hook.set("resource", JsonLines.resource(step.change().address()));
        hook.put("action", action(step));
        hook.putObject("peerform_step").put("name", step.spec().name()).put("description",
                step.spec().description());
        return line;
    }

    /** A replace runs as a destroy half and a create half: each hook says which. */
    private static String action(PlannedStep step) {
        if (!step.change().action().isReplace()) {
            return JsonLines.action(step.change().action());
        }
        return switch (step.spec().phase()) {
            case DESTROY -> "delete";
            case UPDATE -> "update";
            case READ -> "read";
            case CREATE -> "create";
        };
    }
}
