package dev.peerform.states.pg;

/**
 * One journal line of a run, as stored in peerform_steps.
 *
 * @param runId the run that wrote it
 * @param seq its position within the run (unique per workspace and run: a line is never stored twice)
 * @param line the journal line, as the journal codec wrote it
 */
public record PgStepRecord(String runId, long seq, String line) {}
