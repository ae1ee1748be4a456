package dev.peerform.spi;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.value.ObjectValue;
import java.util.List;
import java.util.Map;

/**
 * A planned step as the provider sees it when ordering steps across resources: the instance it belongs to, its
 * change, the values before and after (after may hold unknowns), and which resources each attribute's expression
 * refers to (so a rule can match resources whose ids are not known yet).
 */
public record StepView(InstanceAddress address, String type, ChangeAction action, StepSpec spec,
        ObjectValue before, ObjectValue after, Map<String, List<String>> references) {
}
