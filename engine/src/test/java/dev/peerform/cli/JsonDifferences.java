package dev.peerform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Where our JSON document differs from Terraform's, one line per difference, for the parity tests. */
final class JsonDifferences {

    private JsonDifferences() {
    }

    /** Each difference as "PATH is ..., Terraform's ..." (or missing / extra / element counts); empty when equal. */
    static List<String> of(JsonNode ours, JsonNode theirs) {
        List<String> out = new ArrayList<>();
        compare(ours, theirs, "", out);
        return out;
    }

    /** The elements of an array as a set of their JSON texts: for lists whose order Terraform does not fix. */
    static Set<String> elements(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(e -> out.add(e.toString()));
        return out;
    }

    private static void compare(JsonNode ours, JsonNode theirs, String path, List<String> out) {
        if (ours.getNodeType() != theirs.getNodeType()) {
            out.add(path + " is " + ours + ", Terraform's " + theirs);
        } else if (ours.isObject()) {
            Set<String> keys = new HashSet<>();
            ours.fieldNames().forEachRemaining(keys::add);
            theirs.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (!ours.has(k)) {
                    out.add(path + "/" + k + " missing; Terraform's " + theirs.get(k));
                } else if (!theirs.has(k)) {
                    out.add(path + "/" + k + " extra: " + ours.get(k));
                } else {
                    compare(ours.get(k), theirs.get(k), path + "/" + k, out);
                }
            }
        } else if (ours.isArray()) {
            if (ours.size() != theirs.size()) {
                out.add(path + " has " + ours.size() + " elements, Terraform's " + theirs.size());
                return;
            }
            Iterator<JsonNode> a = ours.elements();
            Iterator<JsonNode> b = theirs.elements();
            for (int i = 0; a.hasNext(); i++) {
                compare(a.next(), b.next(), path + "/" + i, out);
            }
        } else if (!ours.equals(theirs)) {
            out.add(path + " is " + ours + ", Terraform's " + theirs);
        }
    }
}
