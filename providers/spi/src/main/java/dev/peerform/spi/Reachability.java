package dev.peerform.spi;

import dev.peerform.diag.Diagnostics;
import java.util.List;

/**
 * A provider's answer to {@code peerform reach FROM TO}: will traffic pass both ways between two places of its
 * networks? The engine hands it the provider's resource instances (every configuration of the provider): from the
 * state just refreshed against the cloud (live), or from a saved plan's planned values (a prediction, where ids
 * not known yet are told apart by {@link ChangeView#references()}). The provider decides and words the answer.
 */
public interface Reachability {

    /** The verdict, or null with an error in {@code diags} when FROM or TO names nothing it can place. */
    ReachAnswer reach(ReachQuery query, List<ChangeView> world, Diagnostics diags);
}
