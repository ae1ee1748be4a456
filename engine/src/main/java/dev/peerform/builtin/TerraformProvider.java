package dev.peerform.builtin;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Marks;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.Phase;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.spi.ProviderFactory;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The built-in {@code terraform} provider and its {@code terraform_data} resource, as Terraform has them: input is
 * stored and mirrored to output, a change of triggers_replace replaces the object, id is a random UUID. It needs no
 * cloud, which is what makes it the resource peerform and Terraform are measured on side by side.
 */
public final class TerraformProvider implements ProviderFactory {

    static final String TYPE = "terraform_data";

    private static final Schema SCHEMA = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("input", AttributeSchema.optional(Type.DYNAMIC))
            .attribute("output", AttributeSchema.computed(Type.DYNAMIC))
            .attribute("triggers_replace", AttributeSchema.optional(Type.DYNAMIC).forcesNew())
            .build();

    @Override
    public String name() {
        return "terraform";
    }

    @Override
    public String source() {
        return "terraform.io/builtin/terraform";
    }

    @Override
    public Schema configSchema() {
        return Schema.builder().build();
    }

    @Override
    public Map<String, ResourceType> resourceTypes() {
        return Map.of(TYPE, new TerraformData());
    }

    @Override
    public Map<String, DataSourceType> dataSourceTypes() {
        return Map.of(RemoteState.TYPE, new RemoteState());
    }

    @Override
    public ConfiguredProvider configure(String key, ObjectValue config, Path workingDir, Map<String, String> env,
            Diagnostics diags) {
        return new Configured(workingDir, env);
    }

    static final class TerraformData implements ResourceType {
        @Override
        public String name() {
            return TYPE;
        }

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
            PlannedInstance p = PlannedInstance.fromSchema(SCHEMA, prior, config);
            Map<String, Value> planned = new TreeMap<>(p.planned().attributes());
            Value input = config.get("input");
            Value priorInput = prior == null ? null : prior.get("input");
            boolean inputChanged = prior == null || !input.isWhollyKnown()
                    || !Marks.sameIgnoringMarks(priorInput, input);
            // output mirrors input; Terraform shows it as unknown (of input's type) whenever input changes
            planned.put("output", inputChanged || !p.requiresReplace().isEmpty() ? Value.unknown(input.type())
                    : prior.get("output"));
            return new PlannedInstance(new ObjectValue(planned), p.requiresReplace());
        }

        @Override
        public List<StepSpec> steps(ChangeView change) {
            List<StepSpec> steps = new ArrayList<>();
            if (change.action().destroys()) {
                steps.add(StepSpec.of(DataStep.DELETE, Phase.DESTROY, "forget the stored value"));
            }
            if (change.action() == ChangeAction.UPDATE) {
                steps.add(StepSpec.of(DataStep.UPDATE, Phase.UPDATE, "store the new input"));
            } else if (change.action().creates()) {
                steps.add(StepSpec.of(DataStep.CREATE, Phase.CREATE, "store the input"));
            }
            return steps;
        }
    }

    static final class Configured implements ConfiguredProvider {
        private final Path workingDir;
        private final Map<String, String> env;

        Configured(Path workingDir, Map<String, String> env) {
            this.workingDir = workingDir;
            this.env = env;
        }

        @Override
        public ObjectValue readData(String type, ObjectValue config, Diagnostics diags) {
            if (!RemoteState.TYPE.equals(type)) {
                return ConfiguredProvider.super.readData(type, config, diags);
            }
            return RemoteState.read(config, workingDir, env, diags);
        }

        @Override
        public String endpoint() {
            return "built in";
        }

        @Override
        public List<ObjectValue> read(String type, List<ObjectValue> priors, Diagnostics diags) {
            return priors; // nothing outside peerform can change a terraform_data
        }

        /**
         * The stored input, without its marks: Terraform marks only what the configuration marked (input), so its
         * state lists no sensitive path under output, and a state with one would plan as a change there.
         */
        private static Value output(ObjectValue current) {
            return current.get("input") == null ? Value.NULL : current.get("input").unmarkedDeep();
        }

        @Override
        public ObjectValue importResource(String type, String id, Diagnostics diags) {
            Map<String, Value> attrs = new TreeMap<>();
            attrs.put("id", Value.of(id));
            attrs.put("input", Value.NULL);
            attrs.put("output", Value.NULL);
            attrs.put("triggers_replace", Value.NULL);
            return new ObjectValue(attrs);
        }

        @Override
        public ObjectValue execute(StepContext context, StepView step, ObjectValue current) {
            return switch (step.spec().kindOf(DataStep.class)) {
                case DELETE -> null;
                case CREATE -> {
                    Map<String, Value> attrs = new TreeMap<>(current.attributes());
                    attrs.put("id", Value.of(UUID.randomUUID().toString()));
                    attrs.put("output", output(current));
                    yield new ObjectValue(attrs);
                }
                case UPDATE -> {
                    Map<String, Value> attrs = new TreeMap<>(current.attributes());
                    attrs.put("output", output(current));
                    yield new ObjectValue(attrs);
                }
            };
        }
    }
}
