package dev.peerform.providers;

import dev.peerform.addrs.ModuleStep;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.ProviderConfig;
import dev.peerform.config.Import;
import dev.peerform.config.Removed;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.BodyDecoder;
import dev.peerform.eval.Schemas;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.References;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.ProviderFactory;
import dev.peerform.spi.Reference;
import dev.peerform.spi.ResourceType;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Body;
import dev.peerform.syntax.Expr;
import dev.peerform.value.ObjectValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The providers a configuration uses: found with ServiceLoader (the engine imports none), each {@code provider}
 * block configured once (a block may use variables and locals), and an empty configuration for a provider that
 * resources use without a block.
 */
public final class ProviderSet implements Schemas {

    private final Map<String, ProviderFactory> factories;
    private final Map<String, ConfiguredProvider> configured = new LinkedHashMap<>();
    private final Map<String, String> sources;

    private ProviderSet(Map<String, ProviderFactory> factories, Map<String, String> sources) {
        this.factories = factories;
        this.sources = sources;
    }

    /** Every provider on the class path, unconfigured: enough to validate against schemas. */
    public static ProviderSet available(Map<String, String> requiredSources) {
        Map<String, ProviderFactory> f = new HashMap<>();
        for (ProviderFactory p : ServiceLoader.load(ProviderFactory.class)) {
            f.put(p.name(), p);
        }
        return new ProviderSet(f, requiredSources);
    }

    /** Test and tool hook: exactly these providers. */
    public static ProviderSet of(List<ProviderFactory> providers, Map<String, String> requiredSources) {
        Map<String, ProviderFactory> f = new HashMap<>();
        providers.forEach(p -> f.put(p.name(), p));
        return new ProviderSet(f, requiredSources);
    }

    public ProviderFactory factory(String name) {
        return factories.get(name);
    }

    public Set<String> names() {
        return new TreeSet<>(factories.keySet());
    }

    /** The resource type's definition, or null (with nothing reported) when no provider has it. */
    @Override
    public ResourceType resourceType(String type) {
        ProviderFactory f = factories.get(Resource.impliedProvider(type));
        return f == null ? null : f.resourceTypes().get(type);
    }

    /**
     * Configures every provider configuration the root module declares or its resources imply. Provider blocks may
     * refer to variables and locals; {@code scope} resolves them.
     */
    public void configure(Module root, ModuleScope scope, Path dir, Map<String, String> env, Diagnostics diags) {
        checkRequired(diags);
        Evaluator evaluator = new Evaluator(scope, Functions.standard(), dir);
        Map<String, ProviderConfig> blocks = new LinkedHashMap<>(root.providers());
        collectImplied(root, blocks);
        for (ProviderConfig p : blocks.values()) {
            ProviderFactory f = factories.get(p.name());
            if (f == null) {
                diags.error("Unknown provider", "peerform has no provider named \"" + p.name() + "\". Its built-in "
                        + "providers are " + String.join(", ", names()) + ".", p.range());
                continue;
            }
            Body body = new Body(p.body().attributes().stream().filter(a -> !a.name().equals("alias")).toList(),
                    p.body().blocks(), p.body().range());
            Diagnostics local = new Diagnostics();
            ObjectValue config = BodyDecoder.decode(body, f.configSchema(), evaluator, "provider \"" + p.name()
                    + "\"", local);
            if (!config.isWhollyKnown()) {
                local.error("Provider configuration not known", "The configuration of provider " + p.key()
                        + " depends on values that are known only after apply. A provider's arguments may use "
                        + "variables and locals, not resource attributes.", p.range());
            }
            diags.addAll(local);
            if (local.hasErrors()) {
                continue;
            }
            Diagnostics configuring = new Diagnostics();
            ConfiguredProvider c = f.configure(p.key(), config, dir, env, configuring);
            for (Diagnostic d : configuring.list()) {
                diags.add(d.subject() == null ? d.withSubject(p.range()) : d);
            }
            if (c != null && !configuring.hasErrors()) {
                configured.put(p.key(), c);
            }
        }
    }

    /**
     * What {@code required_providers} asks for must be built in: a provider peerform does not have, or another
     * source under the name of one it has, is an error naming the built-in providers and their sources. The
     * registry's old {@code hashicorp/<name>} address of a provider that moved namespace (hashicorp/alicloud, now
     * aliyun/alicloud) names the same provider, as the registry redirects it.
     */
    private void checkRequired(Diagnostics diags) {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            ProviderFactory f = factories.get(e.getKey());
            String asked = normalized(e.getValue());
            if (f != null && (asked.equals(normalized(f.source()))
                    || asked.equals(normalized("hashicorp/" + f.name())))) {
                continue;
            }
            StringBuilder builtIn = new StringBuilder();
            for (String name : names()) {
                builtIn.append(builtIn.length() == 0 ? "" : ", ").append(name).append(" (")
                        .append(factories.get(name).source()).append(')');
            }
            diags.error("Provider not built in", "required_providers asks for " + e.getKey() + " = \""
                    + e.getValue() + "\", which peerform does not have. Its built-in providers are " + builtIn
                    + ".", null);
        }
    }

    /** {@code random} and {@code hashicorp/random} both mean {@code registry.terraform.io/hashicorp/random}. */
    private static String normalized(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        int parts = s.split("/").length;
        return parts == 3 ? s : parts == 2 ? "registry.terraform.io/" + s : "registry.terraform.io/hashicorp/" + s;
    }

    /**
     * The root variables that a provider block passes to a sensitive argument (access_key, secret_key): they are
     * credentials, so they are treated as sensitive wherever they go, even when not declared so, and never reach
     * a plan, the state or a log.
     */
    public Set<String> credentialVariables(Module root) {
        Set<String> out = new TreeSet<>();
        for (ProviderConfig p : root.providers().values()) {
            ProviderFactory f = factories.get(p.name());
            if (f == null) {
                continue;
            }
            for (Attribute a : p.body().attributes()) {
                AttributeSchema schema = f.configSchema().attributes().get(a.name());
                if (schema == null || !schema.sensitive()) {
                    continue;
                }
                for (Expr.ScopeTraversal t : References.of(a.expr())) {
                    if (t.root().equals("var") && !t.steps().isEmpty()
                            && t.steps().get(0) instanceof Expr.AttrStep step) {
                        out.add(step.name());
                    }
                }
            }
        }
        return out;
    }

    private void collectImplied(Module m, Map<String, ProviderConfig> blocks) {
        for (Resource r : m.resources().values()) {
            String key = r.provider() == null ? Resource.impliedProvider(r.type()) : r.provider();
            String name = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!key.contains(".") && !blocks.containsKey(key)) {
                blocks.put(key, new ProviderConfig(name, null, new Body(List.of(), List.of(), r.range()),
                        r.range()));
            }
        }
        // a removed block destroys objects the configuration no longer has: their provider is still needed
        for (Removed r : m.removed()) {
            String rest = r.from().substring(ModuleStep.prefix(r.from()).end());
            String type = rest.startsWith("data.") ? rest.substring(5) : rest;
            if (type.contains(".")) {
                String key = Resource.impliedProvider(type.substring(0, type.indexOf('.')));
                blocks.putIfAbsent(key, new ProviderConfig(key, null, new Body(List.of(), List.of(), r.range()),
                        r.range()));
            }
        }
        // an import block may target a resource with no block yet (plan -generate-config-out writes it)
        for (Import imp : m.imports()) {
            Expr to = imp.to() instanceof Expr.Index i ? i.collection() : imp.to();
            if (imp.provider() == null && to instanceof Expr.ScopeTraversal t && !t.root().equals("module")) {
                String key = Resource.impliedProvider(t.root());
                blocks.putIfAbsent(key, new ProviderConfig(key, null, new Body(List.of(), List.of(), imp.range()),
                        imp.range()));
            }
        }
        m.children().values().forEach(c -> collectImplied(c, blocks));
    }

    /** The configured provider for a configuration key ({@code alicloud}, {@code alicloud.b}); null if none. */
    public ConfiguredProvider configured(String key) {
        return configured.get(key);
    }

    /** Some configuration of the named provider (any alias): for rules that span all of them. */
    public ConfiguredProvider anyConfigured(String name) {
        ConfiguredProvider p = configured.get(name);
        if (p != null) {
            return p;
        }
        for (Map.Entry<String, ConfiguredProvider> e : configured.entrySet()) {
            if (e.getKey().startsWith(name + ".")) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The data source type's definition, or null. */
    @Override
    public DataSourceType dataSourceType(String type) {
        ProviderFactory f = factories.get(Resource.impliedProvider(type));
        return f == null ? null : f.dataSourceTypes().get(type);
    }

    /** What every provider declares about which attributes hold other objects' ids. */
    public List<Reference> references() {
        List<Reference> out = new ArrayList<>();
        factories.values().forEach(f -> out.addAll(f.references()));
        return out;
    }

    /** The deprecated arguments of a resource type, which written configuration leaves out. */
    public Set<String> argumentsNotWritten(String type) {
        ProviderFactory f = factories.get(Resource.impliedProvider(type));
        return f == null ? Set.of() : f.argumentsNotWritten(type);
    }

    public Map<String, ConfiguredProvider> allConfigured() {
        return configured;
    }

    /** How the state names a provider configuration: {@code provider["registry.terraform.io/aliyun/alicloud"].b}. */
    public String stateKey(String key) {
        String name = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        String alias = key.contains(".") ? key.substring(key.indexOf('.')) : "";
        return "provider[\"" + sourceAddress(name) + "\"]" + alias;
    }

    /**
     * {@code registry.terraform.io/aliyun/alicloud}, {@code terraform.io/builtin/terraform}: the configuration's
     * {@code required_providers} source, else the one the provider declares.
     */
    public String sourceAddress(String name) {
        ProviderFactory f = factories.get(name);
        String source = sources.getOrDefault(name, f != null ? f.source() : "hashicorp/" + name);
        return source.split("/").length == 3 ? source : source.contains("/") ? "registry.terraform.io/" + source
                : "registry.terraform.io/hashicorp/" + source;
    }
}
