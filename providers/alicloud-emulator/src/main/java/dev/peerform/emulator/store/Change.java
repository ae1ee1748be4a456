package dev.peerform.emulator.store;

import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One call that changed the world, as the change log keeps it: enough to run it again on the world it was run on
 * and get the same world (the cloud is deterministic given the time, the request id and the rules in force).
 * {@code seq} numbers changes across every process sharing the world; the world file records the last it holds.
 *
 * @param durations the caller's transition times in milliseconds, in {@link Durations}' order
 * @param quotas the caller's quotas, in {@link Quotas}' order
 */
public record Change(long seq, long at, String account, Map<String, String> params, String requestId,
        List<Long> durations, List<Integer> quotas) {

    public static Change of(long seq, long at, String account, Map<String, String> params, String requestId,
            Durations d, Quotas q) {
        return new Change(seq, at, account, params, requestId,
                List.of(d.connect().toMillis(), d.deactivate().toMillis(), d.activate().toMillis(),
                        d.modifySpec().toMillis(), d.deleteInterface().toMillis(), d.routeChange().toMillis()),
                List.of(q.interfacesPerRouter(), q.interfacesPerAccount(), q.vpcsPerPhysicalConnection(),
                        q.routeEntriesPerTable()));
    }

    public Durations transitionTimes() {
        return new Durations(ms(0), ms(1), ms(2), ms(3), ms(4), ms(5));
    }

    public Quotas limits() {
        return new Quotas(quotas.get(0), quotas.get(1), quotas.get(2), quotas.get(3));
    }

    private Duration ms(int i) {
        return Duration.ofMillis(durations.get(i));
    }
}
