package dev.peerform.alicloud.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The filters a data source applies itself to what the cloud lists (the API does not take them): each argument the
 * configuration sets must equal one field of an item, named by its path in the API's answer
 * ({@code RouteTable.RouteTableId}). An argument left unset, or unknown, keeps every item.
 */
final class Filters {

    private record Filter(String want, String[] field) {
    }

    private final List<Filter> filters = new ArrayList<>();

    private Filters() {
    }

    /** Pairs of an argument's name and the field it must equal: {@code "status", "Status"}. */
    static Filters of(ObjectValue config, String... argumentAndField) {
        Filters f = new Filters();
        for (int i = 0; i < argumentAndField.length; i += 2) {
            String want = DataSources.filter(config, argumentAndField[i]);
            if (want != null) {
                f.filters.add(new Filter(want, argumentAndField[i + 1].split("\\.")));
            }
        }
        return f;
    }

    boolean keeps(JsonNode item) {
        for (Filter f : filters) {
            JsonNode v = item;
            for (String step : f.field()) {
                v = v.path(step);
            }
            if (!f.want().equals(v.asText())) {
                return false;
            }
        }
        return true;
    }

    /** The items kept, each read into a data source's fields. */
    List<Map<String, Value>> keep(List<JsonNode> listed, Function<JsonNode, Map<String, Value>> read) {
        List<Map<String, Value>> out = new ArrayList<>();
        for (JsonNode item : listed) {
            if (keeps(item)) {
                out.add(read.apply(item));
            }
        }
        return out;
    }
}
