package dev.peerform.vpcapi.domain;

/** The cloud's default quotas (domain.md, "Limits and quotas"); the real ones can be raised,
        so both sides take them as defaults. */
public final class Limits {

    public static final int INTERFACES_PER_ROUTER = 5;
    public static final int INTERFACES_PER_ACCOUNT = 10;
    public static final int VPCS_PER_PHYSICAL_CONNECTION = 5;
    public static final int ROUTE_ENTRIES_PER_TABLE = 200;
    /** DescribeRouterInterfaces and the other describe calls page with PageSize 1-50. */
    public static final int MAX_PAGE_SIZE = 50;
    /** DescribeRouteEntryList pages with MaxResult (1-100, default 10) and NextToken instead. */
    public static final int MAX_ROUTE_RESULTS = 100;
    public static final int DEFAULT_ROUTE_RESULTS = 10;

    private Limits() {
    }
}
