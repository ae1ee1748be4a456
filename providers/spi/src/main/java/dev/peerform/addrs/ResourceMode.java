package dev.peerform.addrs;

/** A managed resource ({@code resource} block) or a data source ({@code data} block, {@code data.} addresses). */
public enum ResourceMode { MANAGED, DATA }
