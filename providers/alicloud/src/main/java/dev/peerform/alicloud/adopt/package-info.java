/**
 * {@code peerform adopt} on the provider's side: listing what an account has in a region, a page of 50 a call,
 * each object read as {@code import} reads it, and which attributes hold other objects' ids. The engine writes the
 * configuration from it.
 */
package dev.peerform.alicloud.adopt;
