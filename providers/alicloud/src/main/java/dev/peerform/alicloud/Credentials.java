package dev.peerform.alicloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keys and region as the official provider resolves them: the argument, else the first non-empty of its environment
 * variables (ALICLOUD_* before ALIBABA_CLOUD_* before ALIBABACLOUD_*), else, only when a profile is named, the aliyun
 * CLI's config file; the region defaults to cn-beijing. Never printed: {@link #toString()} names no key.
 */
record Credentials(String accessKey, String secretKey, String securityToken, String region, String profileProblem) {

    static final String DEFAULT_REGION = "cn-beijing";

    boolean hasKeys() {
        return accessKey != null && secretKey != null;
    }

    @Override
    public String toString() {
        return "Credentials[region=" + region + ", keys " + (hasKeys() ? "set" : "unset") + "]";
    }

    static Credentials resolve(ObjectValue config, Map<String, String> env) {
        String accessKey = first(config, "access_key", env, "ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID",
                "ALIBABACLOUD_ACCESS_KEY_ID");
        String secretKey = first(config, "secret_key", env, "ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                "ALIBABACLOUD_ACCESS_KEY_SECRET");
        String token = first(config, "security_token", env, "ALICLOUD_SECURITY_TOKEN",
                "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABACLOUD_SECURITY_TOKEN");
        String region = first(config, "region", env, "ALICLOUD_REGION", "ALIBABA_CLOUD_REGION");
        String profile = first(config, "profile", env, "ALICLOUD_PROFILE", "ALIBABA_CLOUD_PROFILE");
        String problem = null;
        if (profile != null) {
            String file = first(config, "shared_credentials_file", env, "ALICLOUD_SHARED_CREDENTIALS_FILE",
                    "ALIBABA_CLOUD_CREDENTIALS_FILE");
            Path path = configFile(file, env);
            JsonNode entry = null;
            try {
                entry = profileEntry(path, profile);
            } catch (IOException e) {
                problem = "the aliyun CLI config file " + path + " could not be read as JSON";
            }
            if (entry != null) {
                String mode = entry.path("mode").asText("");
                if (mode.equals("AK") || mode.equals("StsToken") || mode.equals("RamRoleArn")) {
                    accessKey = accessKey != null ? accessKey : text(entry, "access_key_id");
                    secretKey = secretKey != null ? secretKey : text(entry, "access_key_secret");
                }
                if (mode.equals("StsToken")) {
                    token = token != null ? token : text(entry, "sts_token");
                }
                region = region != null ? region : text(entry, "region_id");
            }
        }
        return new Credentials(accessKey, secretKey, token, region != null ? region : DEFAULT_REGION, problem);
    }

    /** {@code shared_credentials_file} with {@code ~} expanded, or {@code ~/.aliyun/config.json}. */
    private static Path configFile(String file, Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (file == null) {
            return Path.of(home, ".aliyun", "config.json");
        }
        return file.startsWith("~") ? Path.of(home + file.substring(1)) : Path.of(file);
    }

    /** The entry of {@code profiles} whose name is {@code profile}; a missing file finds nothing (as upstream). */
    private static JsonNode profileEntry(Path path, String profile) throws IOException {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        JsonNode root = new ObjectMapper().readTree(path.toFile());
        for (JsonNode p : root.path("profiles")) {
            if (profile.equals(p.path("name").asText(null))) {
                return p;
            }
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        String s = n.path(field).asText("").trim();
        return s.isEmpty() ? null : s;
    }

    private static String first(ObjectValue config, String name, Map<String, String> env, String... variables) {
        Value v = config.get(name);
        if (v != null && v.isKnown() && !v.isNull()) {
            String s = v.unmarked().asString().trim();
            if (!s.isEmpty()) {
                return s;
            }
        }
        for (String variable : variables) {
            String s = env.get(variable);
            if (s != null && !s.isBlank()) {
                return s.trim();
            }
        }
        return null;
    }
}
