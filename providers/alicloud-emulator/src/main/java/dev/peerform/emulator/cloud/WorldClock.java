package dev.peerform.emulator.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The world's own time: the host's clock plus what {@code peerform emulator advance} added, which the world file
 * keeps, so a subscription can expire in a demonstration without waiting a month.
 */
public final class WorldClock extends Clock {

    private final Clock base;
    private final World world;

    public WorldClock(Clock base, World world) {
        this.base = base;
        this.world = world;
    }

    /** Moves this world's time forward; never back, since the bill's past is already settled. */
    public static void advance(World world, Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the emulator's clock only moves forward, not by " + by);
        }
        world.clockOffsetMillis = Math.addExact(world.clockOffsetMillis, by.toMillis());
    }

    @Override
    public long millis() {
        return base.millis() + world.clockOffsetMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new WorldClock(base.withZone(zone), world);
    }
}
