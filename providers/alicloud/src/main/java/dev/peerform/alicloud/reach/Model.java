package dev.peerform.alicloud.reach;

import java.util.List;
import java.util.Map;

/**
 * Everything reach looks at. {@code labels} maps an id to the resource address the user wrote (for planned
 * objects without an id yet, the address itself may serve as the id).
 */
public record Model(List<Vpc> vpcs, List<VSwitch> vswitches, List<Vbr> vbrs, List<RouterInterface> interfaces,
        List<SecurityGroup> groups, List<Instance> instances, Map<String, String> labels) {

    public Model {
        vpcs = List.copyOf(vpcs);
        vswitches = List.copyOf(vswitches);
        vbrs = List.copyOf(vbrs);
        interfaces = List.copyOf(interfaces);
        groups = List.copyOf(groups);
        instances = List.copyOf(instances);
        labels = Map.copyOf(labels);
    }
}
