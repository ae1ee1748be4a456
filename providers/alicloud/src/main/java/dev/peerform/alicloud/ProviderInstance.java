package dev.peerform.alicloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.adopt.Discoverer;
import dev.peerform.alicloud.billing.BilledInterfaces;
import dev.peerform.alicloud.billing.CostEstimate;
import dev.peerform.alicloud.billing.PlanCost;
import dev.peerform.alicloud.billing.PriceCalculator;
import dev.peerform.alicloud.billing.PriceTableLoader;
import dev.peerform.alicloud.data.DataSources;
import dev.peerform.alicloud.reachability.AlicloudReachability;
import dev.peerform.alicloud.reachability.Site;
import dev.peerform.alicloud.resources.CloudResource;
import dev.peerform.alicloud.resources.Renewals;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.alicloud.rules.Existing;
import dev.peerform.alicloud.rules.GroupAuthorizationAcrossRegions;
import dev.peerform.alicloud.rules.Ordering;
import dev.peerform.alicloud.rules.PeerChanges;
import dev.peerform.alicloud.rules.PlanChecks;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.alicloud.transport.Reads;
import dev.peerform.diag.Diagnostics;
import dev.peerform.net.Cidr;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.Discovery;
import dev.peerform.spi.PlanAnnotation;
import dev.peerform.spi.Reachability;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepException;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/** One configured {@code provider "alicloud"} block: its API (endpoint and credentials), its account, its rules. */
final class ProviderInstance implements ConfiguredProvider {

    private final AlicloudProvider provider;
    private final String key;
    private final Api api;
    private final CloudResource.Account account;
    private final int perRouter;
    private final int perAccount;
    private final Path workingDir;

    ProviderInstance(AlicloudProvider provider, String key, Api api, CloudResource.Account account, int perRouter,
            int perAccount, Path workingDir) {
        this.workingDir = workingDir;
        this.provider = provider;
        this.key = key;
        this.api = api;
        this.account = account;
        this.perRouter = perRouter;
        this.perAccount = perAccount;
    }

    @Override
    public String endpoint() {
        return api.client().describe() + ", region " + api.region()
                + (account.id() == null ? "" : ", account " + account.id());
    }

    /** The cost of the changes, priced from the built-in table or the user's (-price-table, PEERFORM_PRICE_TABLE). */
    @Override
    public Optional<PlanAnnotation> annotate(List<ChangeView> all, Diagnostics diags) {
        if (all.stream().noneMatch(c -> c.action() != ChangeAction.NO_OP && BilledInterfaces.isRouterInterface(
                c.type()))) {
            return Optional.empty();
        }
        PriceTableLoader.Result table = PriceTableLoader.select(null, provider.environment(), workingDir);
        if (table.table().isEmpty()) {
            table.diagnostics().forEach(diags::add);
            return Optional.empty();
        }
        return PlanCost.estimate(all, k -> {
            ProviderInstance c = provider.configured(k);
            return c == null ? null : c.api.region();
        }, new PriceCalculator(table.table().get()), CostEstimate.billingDay(Clock.systemUTC()))
                .map(PlanCost::annotation);
    }

    /** {@code peerform reach}: each configuration's objects live in its region and account. */
    @Override
    public Optional<Reachability> reachability() {
        return Optional.of(new AlicloudReachability(k -> {
            ProviderInstance c = provider.configured(k);
            return c == null ? null : new Site(c.api.region(), c.account.id());
        }));
    }

    @Override
    public void validatePlan(List<ChangeView> all, Diagnostics diags) {
        boolean creatingInterfaces = all.stream().anyMatch(c -> c.type().equals(RouterInterfaceResource.TYPE)
                && c.action().creates() && c.action() != ChangeAction.UPDATE);
        // the routers the plan puts interfaces on, by provider: their interfaces are read once, side by side
        Map<String, Set<String>> routers = new HashMap<>();
        for (ChangeView c : all) {
            if (c.type().equals(RouterInterfaceResource.TYPE) && c.current() != null
                    && c.current().get("router_id") != null && c.current().get("router_id").isKnown()
                    && !c.current().get("router_id").isNull()) {
                routers.computeIfAbsent(c.provider(), k -> new HashSet<>()).add(c.current().get("router_id")
                        .unmarked().asString());
            }
        }
        // every read the rules will ask for starts now, side by side under -parallelism, instead of each rule's
        // after the last one's: the interfaces of the first configuration of each account (the account's count),
        // then the tables whose routes are judged
        Map<String, Reads.Pending<CloudInterfaces>> interfaceReads = new HashMap<>();
        if (creatingInterfaces) {
            Set<String> accounts = new HashSet<>();
            for (ChangeView c : all) {
                ProviderInstance p = provider.configured(c.provider());
                if (p != null && c.type().equals(RouterInterfaceResource.TYPE) && c.action() != ChangeAction.DELETE
                        && accounts.add(p.account.id() == null ? c.provider() : p.account.id())) {
                    Set<String> on = routers.getOrDefault(c.provider(), Set.of());
                    interfaceReads.put(c.provider(), p.api.reads().start(List.of(on),
                            r -> CloudInterfaces.read(p.api, r)));
                }
            }
        }
        Map<String, Set<String>> tables = PlanChecks.routeTablesRead(all);
        Map<String, List<String>> tableIds = new HashMap<>();
        Map<String, Reads.Pending<Map<String, JsonNode>>> listings = new HashMap<>();
        tables.forEach((k, ids) -> {
            ProviderInstance p = provider.configured(k);
            if (p != null) {
                tableIds.put(k, new ArrayList<>(ids));
                listings.put(k, p.api.reads().start(tableIds.get(k), t -> RouteEntryResource.recalledEntries(p.api,
                        t)));
            }
        });
        Map<String, Object> read = new HashMap<>();
        Map<String, Map<String, Map<String, JsonNode>>> listed = new HashMap<>();
        PlanChecks.check(all, new Existing() {
            /** The provider's interfaces, or the ApiException that refused them. */
            private Object interfaces(ProviderInstance c, String providerKey) {
                return read.computeIfAbsent(providerKey, k -> {
                    try {
                        Reads.Pending<CloudInterfaces> started = interfaceReads.get(k);
                        return started != null ? started.get().get(0)
                                : CloudInterfaces.read(c.api, routers.getOrDefault(k, Set.of()));
                    } catch (ApiException e) {
                        return e;
                    }
                });
            }

            @Override
            public Existing.Count onRouter(String providerKey, String routerId, Set<String> managed) {
                ProviderInstance c = provider.configured(providerKey);
                if (!creatingInterfaces || c == null) {
                    return Existing.Count.of(0);
                }
                Object known = interfaces(c, providerKey);
                if (known instanceof ApiException e) {
                    return Existing.Count.unreadable(unreadable(c, "the interfaces on " + routerId, e));
                }
                Integer n = ((CloudInterfaces) known).onRouter(routerId, managed);
                if (n != null) {
                    return Existing.Count.of(n);
                }
                try {
                    return Existing.Count.of(CloudInterfaces.read(c.api, Set.of(routerId)).onRouter(routerId,
                            managed));
                } catch (ApiException e) {
                    return Existing.Count.unreadable(unreadable(c, "the interfaces on " + routerId, e));
                }
            }

            @Override
            public Existing.Count inAccount(String providerKey, Set<String> managed) {
                ProviderInstance c = provider.configured(providerKey);
                if (!creatingInterfaces || c == null) {
                    return Existing.Count.of(0);
                }
                Object known = interfaces(c, providerKey);
                if (known instanceof ApiException e) {
                    return Existing.Count.unreadable(unreadable(c, "the account's interfaces", e));
                }
                return Existing.Count.of(((CloudInterfaces) known).inAccount(managed));
            }

            @Override
            public String account(String providerKey) {
                ProviderInstance c = provider.configured(providerKey);
                return c == null ? null : c.account.id();
            }

            @Override
            public Set<String> routeDestinations(String providerKey, String tableId) {
                ProviderInstance c = provider.configured(providerKey);
                if (c == null) {
                    return Set.of();
                }
                try {
                    // the tables judged were listed side by side as the checks began
                    listed.computeIfAbsent(providerKey, k -> {
                        Map<String, Map<String, JsonNode>> byTable = new HashMap<>();
                        if (listings.containsKey(k)) {
                            try {
                                List<Map<String, JsonNode>> entries = listings.get(k).get();
                                List<String> ids = tableIds.get(k);
                                for (int i = 0; i < ids.size(); i++) {
                                    byTable.put(ids.get(i), entries.get(i));
                                }
                            } catch (ApiException e) {
                                byTable.clear(); // asked again one by one below
                            }
                        }
                        return byTable;
                    });
                    Map<String, JsonNode> entries = listed.get(providerKey).get(tableId);
                    if (entries == null) {
                        entries = RouteEntryResource.recalledEntries(c.api, tableId);
                    }
                    Set<String> out = new HashSet<>();
                    entries.keySet().forEach(d -> out.add(Cidr.parse(d).network().toString()));
                    return out;
                } catch (ApiException | IllegalArgumentException e) {
                    return Set.of(); // the apply will say what the cloud thinks
                }
            }
        }, perRouter, perAccount, diags);
        // the engine asks one configuration for all of them: each configuration's rules are checked here
        all.stream().map(ChangeView::provider).distinct().forEach(k -> GroupAuthorizationAcrossRegions.check(all, k,
                other -> {
                    ProviderInstance c = provider.configured(other);
                    return c == null ? null : c.api.region();
                }, diags));
    }

    /** What could not be read, for a check's warning: what, where from, and the cloud's answer (never a key). */
    private static String unreadable(ProviderInstance c, String what, ApiException e) {
        return "reading " + what + " from " + c.endpoint() + " failed with " + e.code()
                + (e.getMessage().isEmpty() ? "" : " (" + e.getMessage() + ")");
    }

    @Override
    public Map<String, String> replacementsRequired(List<ChangeView> all) {
        Map<String, String> out = new TreeMap<>(PeerChanges.replacementsRequired(all));
        out.putAll(PeerChanges.reconnectsRequired(all, (providerKey, ids) -> {
            ProviderInstance c = provider.configured(providerKey);
            Map<String, PeerChanges.Seen> seen = new HashMap<>();
            if (c == null) {
                return seen;
            }
            try {
                for (int i = 0; i < ids.size(); i += 50) {
                    List<String> kv = new ArrayList<>(List.of("Filter.1.Key", "RouterInterfaceId", "PageSize", "50"));
                    List<String> page = ids.subList(i, Math.min(ids.size(), i + 50));
                    for (int j = 0; j < page.size(); j++) {
                        kv.add("Filter.1.Value." + (j + 1));
                        kv.add(page.get(j));
                    }
                    JsonNode r = c.api.call("DescribeRouterInterfaces", kv.toArray(String[]::new));
                    for (JsonNode ri : r.path("RouterInterfaceSet").path("RouterInterfaceType")) {
                        JsonNode opposite = ri.get("OppositeInterfaceId");
                        seen.put(ri.get("RouterInterfaceId").asText(), new PeerChanges.Seen(ri.path("Status")
                                .asText(), opposite == null || opposite.isNull() ? null : opposite.asText()));
                    }
                }
            } catch (ApiException e) {
                // not known: the apply says what the cloud thinks
            }
            return seen;
        }));
        return out;
    }

    @Override
    public List<StepEdge> order(List<StepView> steps) {
        return Ordering.edges(steps);
    }

    @Override
    public String concurrencyKey(StepView step, ObjectValue current) {
        CloudResource r = provider.resource(step.type());
        return r == null ? null : r.concurrencyKey(step, current);
    }

    @Override
    public void planning(int parallelism) {
        api.reads().planning(parallelism);
    }

    @Override
    public List<ObjectValue> read(String type, List<ObjectValue> priors, Diagnostics diags) {
        try {
            List<ObjectValue> refreshed = provider.resource(type).read(api, priors);
            if (type.equals(RouterInterfaceResource.TYPE)) {
                Renewals.warn(priors, refreshed, diags);
            }
            return refreshed;
        } catch (ApiException e) {
            diags.error("Failed to refresh " + type, "Reading " + priors.size() + " " + type + " from " + endpoint()
                    + " failed: " + e.code() + " (" + e.getMessage() + "). Nothing was changed; the plan uses the "
                    + "state as it was.", null);
            return priors;
        }
    }

    @Override
    public ObjectValue importResource(String type, String id, Diagnostics diags) {
        try {
            ObjectValue v = provider.resource(type).importById(api, id, diags);
            if (v == null && !diags.hasErrors()) {
                diags.error("Cannot import non-existent remote object", "No " + type + " with id \"" + id + "\" exists "
                        + "for provider " + key + " (" + endpoint() + ").", null);
            }
            return v;
        } catch (ApiException e) {
            diags.error("Import failed", "Reading " + type + " \"" + id + "\" failed: " + e.code() + " ("
                    + e.getMessage() + ").", null);
            return null;
        }
    }

    @Override
    public Discovery discover(Set<String> regions, Diagnostics diags) {
        if (!regions.isEmpty() && !regions.contains(api.region())) {
            return new Discovery(api.region(), List.of(), List.of());
        }
        return Discoverer.discover(api, provider::resource, diags);
    }

    @Override
    public ObjectValue readData(String type, ObjectValue config, Diagnostics diags) {
        DataSourceType d = provider.dataSource(type);
        if (DataSources.deprecation(type) != null) {
            diags.warning("Deprecated Resource", DataSources.deprecation(type), null);
        }
        try {
            return DataSources.read(d, api, config, workingDir);
        } catch (ApiException e) {
            diags.error("Failed to read data source " + type, e.code() + ": " + e.getMessage(), null);
            return null;
        } catch (IOException e) {
            diags.error("Failed to write output_file of " + type, "Writing the data source's result failed: "
                    + e.getMessage(), null);
            return null;
        } catch (PatternSyntaxException e) {
            diags.error("Invalid name_regex for " + type, "name_regex is not a valid regular expression: "
                    + e.getDescription() + ".", null);
            return null;
        }
    }

    @Override
    public Duration stepTimeout(StepView step, ObjectValue current) {
        return Timeouts.configured(current, step.spec().phase());
    }

    @Override
    public ObjectValue execute(StepContext context, StepView step, ObjectValue current) throws StepException {
        return provider.resource(step.type()).execute(api, account, Timeouts.apply(context, step.spec().phase(),
                current), step, current);
    }
}
