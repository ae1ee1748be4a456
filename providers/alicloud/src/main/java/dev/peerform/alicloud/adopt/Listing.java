package dev.peerform.alicloud.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.vpcapi.domain.Limits;
import java.util.ArrayList;
import java.util.List;

/** Every object a Describe action lists in the region, page by page at the largest page size the API allows. */
final class Listing {

    private Listing() {
    }

    /** {@code set} and {@code type} are the answer's list wrapper ({@code Vpcs} / {@code Vpc}). */
    static List<JsonNode> all(Api api, String action, String set, String type, String... extra) throws ApiException {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<String> kv = new ArrayList<>(List.of(extra));
            kv.addAll(List.of("PageSize", Integer.toString(Limits.MAX_PAGE_SIZE), "PageNumber",
                    Integer.toString(page)));
            JsonNode r = api.call(action, kv.toArray(String[]::new));
            int before = out.size();
            r.path(set).path(type).forEach(out::add);
            // an empty page ends it too, so a total that never comes cannot loop for ever
            if (out.size() == before || out.size() >= r.path("TotalCount").asInt(0)) {
                return out;
            }
        }
    }

    /** A field of an answer as text; null when missing, null or empty. */
    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
