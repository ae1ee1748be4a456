package dev.peerform.vpcapi.billing;

import java.util.Arrays;
import java.util.Optional;

/**
 * A router interface's operational status as the bill sees it, spelled as {@code DescribeRouterInterfaces} and
 * {@code DescribeRouterInterfaceAttribute} answer it in {@code BusinessStatus} (and
 * {@code OppositeInterfaceBusinessStatus}): Normal, FinancialLocked (locked for overdue payment), SecurityLocked
 * (locked for security protection). A released instance has no status: it is gone.
 */
public enum BusinessStatus {
    Normal, FinancialLocked, SecurityLocked;

    /** Only a Normal interface forwards data; a locked one keeps its configuration but carries nothing. */
    public boolean forwards() {
        return this == Normal;
    }

    /** Exact match of the API's spelling; empty for anything else. */
    public static Optional<BusinessStatus> parse(String api) {
        return Arrays.stream(values()).filter(s -> s.name().equals(api)).findFirst();
    }
}
