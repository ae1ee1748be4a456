package dev.peerform.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The cloud's time, fixed for the length of one call: a call then reads one instant however often it asks, and
 * running it again from the change log at that instant makes the same world.
 */
final class CallClock extends Clock {

    private volatile long millis;

    void set(long millis) {
        this.millis = millis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the cloud keeps UTC");
    }
}
