/**
 * {@code peerform reach} for the alicloud provider: the resources the engine hands over (refreshed state or a
 * plan's planned values) made into the analysis core's model, FROM and TO placed in it, and the verdict worded.
 */
package dev.peerform.alicloud.reachability;
