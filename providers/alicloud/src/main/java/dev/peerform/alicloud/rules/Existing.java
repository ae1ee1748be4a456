package dev.peerform.alicloud.rules;

import java.util.Set;

/** What the cloud already has outside this configuration, as the plan-wide rules ask for it. */
public interface Existing {

    /**
     * A count of objects outside the configuration, or what could not be read when the cloud could not be asked
     * ({@code unreadable} names it, and the count is then 0 and means nothing).
     */
    record Count(int outside, String unreadable) {

        public static Count of(int outside) {
            return new Count(outside, null);
        }

        public static Count unreadable(String what) {
            return new Count(0, what);
        }

        boolean known() {
            return unreadable == null;
        }
    }

    /** Interfaces on the router that this configuration does not manage ({@code managedIds}). */
    Count onRouter(String provider, String routerId, Set<String> managedIds);

    /** Interfaces in the provider's account that this configuration does not manage. */
    Count inAccount(String provider, Set<String> managedIds);

    String account(String provider);

    /** The destinations the cloud's route table has routes to (normalised CIDRs). */
    Set<String> routeDestinations(String provider, String tableId);
}
