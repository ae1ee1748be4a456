package dev.peerform.spi;

/**
 * Which half of a change a step belongs to: a replace has a DESTROY half and a CREATE half, ordered by the change
 * action; an update has only UPDATE steps.
 */
public enum Phase { CREATE, UPDATE, DESTROY, READ }
