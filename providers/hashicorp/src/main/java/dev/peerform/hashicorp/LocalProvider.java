package dev.peerform.hashicorp;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/** A configured random or null provider: no endpoint, nothing to refresh, values made at apply. */
final class LocalProvider implements ConfiguredProvider {

    private final Map<String, LocalResource> types;
    private final SecureRandom random = new SecureRandom();

    LocalProvider(Map<String, LocalResource> types) {
        this.types = types;
    }

    @Override
    public String endpoint() {
        return "built in";
    }

    @Override
    public List<ObjectValue> read(String type, List<ObjectValue> priors, Diagnostics diags) {
        return priors; // the object is the state: nothing outside peerform can change it
    }

    @Override
    public ObjectValue importResource(String type, String id, Diagnostics diags) {
        return types.get(type).importById(id, diags);
    }

    @Override
    public ObjectValue execute(StepContext context, StepView step, ObjectValue current) {
        return switch (step.spec().kindOf(StoreStep.class)) {
            case DELETE -> null;
            case CREATE -> types.get(step.type()).make(current, random);
            case UPDATE -> current;
        };
    }
}
