package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run records what its commands load: each of them must succeed to load it all. */
class TrainingTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandOfTheTrainingRunSucceeds() throws Exception {
        assertEquals(List.of(), Training.train(dir));
    }
}
