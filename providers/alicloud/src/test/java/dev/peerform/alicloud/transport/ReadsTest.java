package dev.peerform.alicloud.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.vpcapi.errors.ClientAction;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadsTest {

    @Test
    void readsRunSideBySideButNeverMoreThanTheRunsParallelism() throws Exception {
        Reads reads = new Reads();
        reads.planning(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 12).boxed().toList();
        List<Integer> out = reads.all(items, i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return i * 2;
        });
        assertEquals(items.stream().map(i -> i * 2).toList(), out, "answers in the items' order");
        assertEquals(3, most.get(), "three at once, as -parallelism=3 allows");
    }

    @Test
    void theFirstRefusalIsThrownAfterEveryReadFinished() {
        Reads reads = new Reads();
        AtomicInteger done = new AtomicInteger();
        ApiException refused = new ApiException("DescribeVpcs", "Forbidden.RAM", 403, "no", ClientAction.FINAL);
        ApiException thrown = assertThrows(ApiException.class, () -> reads.all(List.of(1, 2, 3, 4), i -> {
            if (i == 2) {
                throw refused;
            }
            done.incrementAndGet();
            return i;
        }));
        assertSame(refused, thrown);
        assertEquals(3, done.get());
    }

    @Test
    void whatAPlanReadIsForgottenWhenTheNextPlanBegins() {
        Reads reads = new Reads();
        reads.remember("table", "listing");
        assertEquals("listing", reads.recalled("table"));
        reads.planning(10);
        assertNull(reads.recalled("table"));
        assertTrue(reads.parallelism() == 10);
    }
}
