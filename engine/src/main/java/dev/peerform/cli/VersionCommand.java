package dev.peerform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "version", description = "Show the current peerform version")
final class VersionCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "-json", description = "Output the version information as a JSON object.")
    boolean json;

    VersionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("peerform_version", Version.number());
            doc.put("platform", Version.platform());
            context.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(doc));
        } else {
            context.out().println("peerform v" + Version.number());
            context.out().println("on " + Version.platform());
        }
        return ExitCode.OK;
    }
}
