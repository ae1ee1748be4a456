package dev.peerform.spi;

import dev.peerform.value.ObjectValue;

/** One planned change, as the provider sees it when it lists the change's steps or checks the whole plan. */
public record ChangeView(String address, String type, ChangeAction action, ObjectValue before, ObjectValue after) {
}
