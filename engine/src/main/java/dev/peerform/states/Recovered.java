package dev.peerform.states;

/** What folding an interrupted run's journal did: how many records it replayed, and a note when one was dropped. */
public record Recovered(int replayed, String note) {

    public static final Recovered NOTHING = new Recovered(0, null);
}
