package dev.peerform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The module nesting of plan JSON's planned_values: the root module's resources, then under "child_modules" one
 * object per module instance ({@code "address": "module.peer[\"x\"]"}) with its own resources and children, as
 * Terraform writes it. Modules appear in the order their first resource is added (the plan's, Terraform's order).
 */
final class ModuleTree {

    private final ObjectNode root;
    private final Map<String, ObjectNode> modules = new HashMap<>();

    ModuleTree(ObjectNode root) {
        this.root = root;
        root.putArray("resources");
    }

    /** The resources array of the module instance {@code stateModule} (null: the root), made when first asked. */
    ArrayNode resources(String stateModule) {
        return (ArrayNode) module(stateModule).get("resources");
    }

    private ObjectNode module(String address) {
        if (address == null) {
            return root;
        }
        ObjectNode m = modules.get(address);
        if (m == null) {
            int nested = address.lastIndexOf(".module.");
            ObjectNode parent = module(nested < 0 ? null : address.substring(0, nested));
            ArrayNode children = parent.has("child_modules") ? (ArrayNode) parent.get("child_modules")
                    : parent.putArray("child_modules");
            m = children.addObject();
            m.putArray("resources");
            m.put("address", address);
            modules.put(address, m);
        }
        return m;
    }
}
