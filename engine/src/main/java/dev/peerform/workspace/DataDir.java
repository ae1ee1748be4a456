package dev.peerform.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.json.TerraformJson;
import dev.peerform.states.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The working directory's {@code .terraform/}, as Terraform keeps it: {@code terraform.tfstate} records the
 * backend init configured (type, every argument, including -backend-config values and so any credential in
 * conn_str, exactly where Terraform stores them; peerform writes the file owner-only), {@code environment} the
 * selected workspace.
 */
final class DataDir {

    private final Path dir;

    DataDir(Path workingDir) {
        this.dir = workingDir.resolve(".terraform");
    }

    private Path backendFile() {
        return dir.resolve("terraform.tfstate");
    }

    /** The backend init recorded; null when none was (the implicit local backend). */
    BackendConfig backend() throws IOException {
        if (!Files.isRegularFile(backendFile())) {
            return null;
        }
        JsonNode root = TerraformJson.MAPPER.readTree(Files.readAllBytes(backendFile()));
        JsonNode b = root.path("backend");
        if (!b.isObject() || b.path("type").asText("").isEmpty()) {
            return null;
        }
        Map<String, String> config = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = b.path("config").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            config.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
        }
        return new BackendConfig(b.path("type").asText(), config, b.path("hash").asLong());
    }

    /** Records the backend as Terraform does (version 3, the Terraform version, the backend); null removes it. */
    void backend(BackendConfig config, String version) throws IOException {
        if (config == null || config.implicit()) {
            Files.deleteIfExists(backendFile());
            return;
        }
        ObjectNode root = TerraformJson.MAPPER.createObjectNode();
        root.put("version", 3).put("terraform_version", version);
        ObjectNode b = root.putObject("backend").put("type", config.type());
        ObjectNode c = b.putObject("config");
        config.config().forEach((k, v) -> {
            if (v == null) {
                c.putNull(k);
            } else if (v.equals("true") || v.equals("false")) {
                c.put(k, Boolean.parseBoolean(v));
            } else {
                c.put(k, v);
            }
        });
        b.put("hash", config.hash());
        Files.createDirectories(dir);
        AtomicFiles.writeAtomically(backendFile(), TerraformJson.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(root));
        AtomicFiles.ownerOnly(backendFile());
    }

    /** The workspace selected with {@code workspace select|new}; "default" when none was. */
    String selectedWorkspace() throws IOException {
        Path f = dir.resolve("environment");
        if (!Files.isRegularFile(f)) {
            return "default";
        }
        String name = Files.readString(f, StandardCharsets.UTF_8).trim();
        return name.isEmpty() ? "default" : name;
    }

    /** Terraform writes the name alone, without a newline. */
    void selectWorkspace(String name) throws IOException {
        Path f = dir.resolve("environment");
        if ("default".equals(name)) {
            Files.deleteIfExists(f);
            return;
        }
        Files.createDirectories(dir);
        AtomicFiles.writeAtomically(f, name.getBytes(StandardCharsets.UTF_8));
    }
}
