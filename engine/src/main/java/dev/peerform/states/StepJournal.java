package dev.peerform.states;

/**
 * The record of a run's steps: each step that changes the cloud is recorded (durably) before it is called, with
 * its ClientToken, and again with its result, so that the cost is in proportion to the change, not to the state.
 */
public interface StepJournal extends AutoCloseable {

    void append(StepRecord record);

    @Override
    void close();
}
