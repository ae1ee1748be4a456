package dev.peerform.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.emulator.store.FileStore;
import dev.peerform.emulator.store.WorldFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cloud holds against what the state knows, read from the files on disk only: the emulator's world
 * ({@code .peerform/cloud.json}) and Terraform's state ({@code terraform.tfstate}). An orphan is a cloud object of
 * any kind, not in the starting world, that no state instance names; a duplicate is a second object with the
 * identity of another (same owner, region and CIDR for a VPC; same router and role for an interface; same table
 * and destination for a route); an object being deleted is no orphan; a stale entry is a state id the cloud does
 * not have.
 */
final class Audit {

    static final ObjectMapper JSON = new ObjectMapper();

    record CloudObject(String kind, String id, String identity, String status) {
    }

    record Report(List<CloudObject> orphans, int duplicates, List<String> stale, int managed, int stateInstances,
            int pending) {

        boolean clean() {
            return orphans.isEmpty() && duplicates == 0 && stale.isEmpty();
        }

        String describe() {
            List<String> o = new ArrayList<>();
            orphans.forEach(c -> o.add(c.kind() + " " + c.id() + " (" + c.status() + ")"));
            return "orphans " + orphans.size() + (o.isEmpty() ? "" : " " + o) + ", duplicates " + duplicates
                    + ", stale state ids " + stale.size() + (stale.isEmpty() ? "" : " " + stale)
                    + ", cloud objects made " + managed + ", state instances " + stateInstances
                    + (pending == 0 ? "" : " (" + pending + " of them with no id: pending creates known by a "
                    + "ClientToken only)");
        }
    }

    private Audit() {
    }

    static Path world(Path dir) {
        return dir.resolve(".peerform/cloud.json");
    }

    /**
     * The world as the emulator sees it: the changes logged beside the world file are written into it first (the
     * file alone is stale since the store became a change log); a damaged world is read as it is.
     */
    static JsonNode worldJson(Path worldFile) throws IOException {
        if (Files.exists(worldFile)) {
            try {
                new FileStore(worldFile).load();
            } catch (WorldFileException damaged) {
                // read below as it is
            }
        }
        return JSON.readTree(worldFile.toFile());
    }

    static List<CloudObject> objects(Path worldFile) throws IOException {
        JsonNode w = worldJson(worldFile);
        List<CloudObject> all = new ArrayList<>();
        w.path("vpcs").forEach(v -> all.add(new CloudObject("vpc", v.path("id").asText(), v.path("owner").asText()
                + "|" + v.path("region").asText() + "|" + v.path("cidrBlock").asText(), v.path("status").asText())));
        w.path("vbrs").forEach(v -> all.add(new CloudObject("vbr", v.path("id").asText(), v.path("owner").asText()
                + "|" + v.path("physicalConnectionId").asText() + "|" + v.path("vlanId").asText(),
                v.path("status").asText())));
        w.path("interfaces").forEach(v -> all.add(new CloudObject("interface", v.path("id").asText(),
                v.path("owner").asText() + "|" + v.path("routerId").asText() + "|" + v.path("role").asText(),
                v.path("status").asText())));
        w.path("routes").forEach(v -> all.add(new CloudObject("route", v.path("id").asText(),
                v.path("routeTableId").asText() + "|" + v.path("destination").asText(), v.path("status").asText())));
        return all;
    }

    static Set<String> ids(Path worldFile) throws IOException {
        Set<String> ids = new HashSet<>();
        objects(worldFile).forEach(o -> ids.add(o.id()));
        return ids;
    }

    /** Every id the state names, and for routes their table|destination (a route's state id embeds both). */
    static Set<String> stateIds(Path stateFile) throws IOException {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(stateFile)) {
            return ids;
        }
        JsonNode s = JSON.readTree(stateFile.toFile());
        for (JsonNode r : s.path("resources")) {
            for (JsonNode i : r.path("instances")) {
                String id = i.path("attributes").path("id").asText("");
                ids.add(id);
                // table:router:cidr:type:hop (the official five-part id), or table:cidr:... as older states wrote it
                String[] parts = id.split(":");
                if (parts.length >= 2 && parts[0].startsWith("vtb-")) {
                    String destination = parts.length >= 5 ? parts[2] : parts[1];
                    ids.add(parts[0] + "|" + destination);
                }
            }
        }
        return ids;
    }

    static int stateInstances(Path stateFile) throws IOException {
        if (!Files.exists(stateFile)) {
            return 0;
        }
        int n = 0;
        for (JsonNode r : JSON.readTree(stateFile.toFile()).path("resources")) {
            n += r.path("instances").size();
        }
        return n;
    }

    static int withoutId(Path stateFile) throws IOException {
        if (!Files.exists(stateFile)) {
            return 0;
        }
        int n = 0;
        for (JsonNode r : JSON.readTree(stateFile.toFile()).path("resources")) {
            for (JsonNode i : r.path("instances")) {
                if (i.path("attributes").path("id").asText("").isEmpty()) {
                    n++;
                }
            }
        }
        return n;
    }

    static Report check(Path dir, Set<String> baseline) throws IOException {
        return check(dir, dir.resolve("terraform.tfstate"), baseline);
    }

    /** The cloud of the directory against a state read elsewhere (pulled from the pg backend, say). */
    static Report check(Path dir, Path stateFile, Set<String> baseline) throws IOException {
        List<CloudObject> world = objects(world(dir));
        Set<String> known = stateIds(stateFile);
        List<CloudObject> orphans = new ArrayList<>();
        Map<String, Integer> identities = new HashMap<>();
        Set<String> worldIds = new HashSet<>();
        int managed = 0;
        for (CloudObject o : world) {
            worldIds.add(o.id());
            if (baseline.contains(o.id())) {
                continue;
            }
            managed++;
            identities.merge(o.kind() + "|" + o.identity(), 1, Integer::sum);
            boolean named = known.contains(o.id()) || (o.kind().equals("route") && known.contains(o.identity()));
            // an object the cloud is already deleting goes away by itself: a delete the state recorded as done
            if (!named && !o.status().equals("Deleting")) {
                orphans.add(o);
            }
        }
        int duplicates = identities.values().stream().mapToInt(n -> n - 1).sum();
        List<String> stale = new ArrayList<>();
        for (String id : known) {
            if ((id.startsWith("vpc-") || id.startsWith("ri-")) && !worldIds.contains(id)) {
                stale.add(id);
            }
        }
        return new Report(orphans, duplicates, stale, managed, stateInstances(stateFile), withoutId(stateFile));
    }

    /** The resources an apply reported ("Apply complete! Resources: N added"), for the figure's note. */
    static int stateInstancesAfter(Peerform.Run apply) {
        Matcher m = Pattern.compile("Resources: (\\d+) added").matcher(apply.out());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
