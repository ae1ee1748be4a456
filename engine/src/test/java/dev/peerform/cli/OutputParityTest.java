package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lines scripts and log parsers read, against what Terraform 1.11 printed for the same terraform_data
 * configuration (resources/output/parity, written by oracle/generate-output-parity.sh). Ids are random and the
 * order of parallel work is not fixed, so the lines are compared with ids replaced and in sorted order.
 */
class OutputParityTest {

    private static final String FIXTURE = "/output/parity/";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Terraform's progress words, at the start of what follows "ADDRESS: ". */
    private static final Pattern PROGRESS = Pattern.compile("^\\S+: (Creating|Creation complete|Destroying"
            + "|Destruction complete|Modifying|Modifications complete|Refreshing state|Reading|Read complete|Still )");

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws IOException {
        Files.createDirectories(dir.resolve("peer"));
        Files.writeString(dir.resolve("main.tf"), fixture("main.tf"));
        Files.writeString(dir.resolve("peer/main.tf"), fixture("peer/main.tf"));
    }

    @Test
    void applyPrintsTerraformsProgressLinesSummaryAndOutputs() throws IOException {
        assertEquals(0, CliRun.in(dir, "plan", "-out", "p.tfplan").exitCode());
        CliRun apply = CliRun.in(dir, "apply", "-no-color", "p.tfplan");
        assertEquals(0, apply.exitCode(), apply.err());
        String expected = fixture("apply.txt");
        assertEquals(progress(expected), progress(apply.out()));
        assertEquals(after(expected, "\nApply complete!"), after(normalised(apply.out()), "\nApply complete!"));
    }

    @Test
    void planTextIsTerraformsButForPeerformsOwnSections() throws IOException {
        CliRun plan = CliRun.in(dir, "plan", "-no-color", "-out", "p.tfplan");
        assertEquals(0, plan.exitCode(), plan.err());
        String ours = plan.out().replace("peerform apply", "terraform apply").replace("peerform", "Terraform")
                .replaceAll("(?s)Ordered actions \\(.*?\n\nProviders:\n(  [^\n]*\n)+\n", "");
        assertEquals(fixture("plan.txt"), ours);
    }

    @Test
    void refreshingPlanNamesEachObjectItReadsWithItsId() throws IOException {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun plan = CliRun.in(dir, "plan", "-no-color");
        assertEquals(0, plan.exitCode(), plan.err());
        assertEquals(progress(fixture("refresh.txt")), progress(plan.out()));
        assertEquals(10, progress(plan.out()).size());
    }

    @Test
    void applyDestroySumsUpAsAnApplyAndDestroyAsADestroy() throws IOException {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun applyDestroy = CliRun.in(dir, "apply", "-destroy", "-auto-approve", "-no-color");
        assertEquals(0, applyDestroy.exitCode(), applyDestroy.err());
        String expected = fixture("apply-destroy.txt");
        assertEquals(progress(expected), progress(applyDestroy.out()));
        assertEquals(lastLine(expected), lastLine(applyDestroy.out()));

        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun destroy = CliRun.in(dir, "destroy", "-auto-approve", "-no-color");
        assertEquals(0, destroy.exitCode(), destroy.err());
        assertEquals(progress(fixture("destroy.txt")), progress(destroy.out()));
        assertEquals(lastLine(fixture("destroy.txt")), lastLine(destroy.out()));
    }

    private static List<String> progress(String out) {
        return Arrays.stream(normalised(out).split("\n")).filter(l -> PROGRESS.matcher(l).find()).sorted()
                .toList();
    }

    private static String normalised(String out) {
        return UUID.matcher(out).replaceAll("<id>");
    }

    private static String after(String text, String marker) {
        return normalised(text.substring(text.indexOf(marker)));
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = OutputParityTest.class.getResourceAsStream(FIXTURE + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
