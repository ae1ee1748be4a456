package dev.peerform.plans;

import dev.peerform.spi.ChangeAction;
import dev.peerform.value.Value;

/** A root module output's change; before is null when the output is new, after null when it goes away. */
public record OutputChange(String name, ChangeAction action, Value before, Value after, boolean sensitive) {
}
