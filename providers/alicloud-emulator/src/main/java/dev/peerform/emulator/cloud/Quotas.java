package dev.peerform.emulator.cloud;

/** The cloud's default quotas (domain.md, "Limits and quotas"); like the real ones, they can be raised. */
public record Quotas(int interfacesPerRouter, int interfacesPerAccount, int vpcsPerPhysicalConnection,
        int routeEntriesPerTable) {

    public static final Quotas DEFAULTS = new Quotas(5, 10, 5, 200);

    public Quotas withInterfacesPerAccount(int n) {
        return new Quotas(interfacesPerRouter, n, vpcsPerPhysicalConnection, routeEntriesPerTable);
    }

    public Quotas withInterfacesPerRouter(int n) {
        return new Quotas(n, interfacesPerAccount, vpcsPerPhysicalConnection, routeEntriesPerTable);
    }
}
