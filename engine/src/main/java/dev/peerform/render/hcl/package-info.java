/**
 * Configuration written from the cloud: the resource and import blocks of {@code adopt} and of {@code plan
 * -generate-config-out}, with references where the other object is in the configuration, names made from the
 * objects' own, and the layout of {@code fmt}.
 */
package dev.peerform.render.hcl;
