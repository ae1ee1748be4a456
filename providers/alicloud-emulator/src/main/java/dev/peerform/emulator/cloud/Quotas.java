package dev.peerform.emulator.cloud;

import dev.peerform.vpcapi.domain.Limits;

/** The cloud's default quotas (domain.md, "Limits and quotas"); like the real ones, they can be raised. */
public record Quotas(int interfacesPerRouter, int interfacesPerAccount, int vpcsPerPhysicalConnection,
        int routeEntriesPerTable) {

    public static final Quotas DEFAULTS = new Quotas(Limits.INTERFACES_PER_ROUTER, Limits.INTERFACES_PER_ACCOUNT,
            Limits.VPCS_PER_PHYSICAL_CONNECTION, Limits.ROUTE_ENTRIES_PER_TABLE);

    public Quotas withInterfacesPerAccount(int n) {
        return new Quotas(interfacesPerRouter, n, vpcsPerPhysicalConnection, routeEntriesPerTable);
    }

    public Quotas withInterfacesPerRouter(int n) {
        return new Quotas(n, interfacesPerAccount, vpcsPerPhysicalConnection, routeEntriesPerTable);
    }
}
