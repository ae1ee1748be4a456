/**
 * What peering costs: the price table (a data file with its sources, replaceable by the user's), the monthly
 * charge of one initiator on a given day (a known amount or unknown with the reason, never a guess), the cost of a
 * planned change per interface and in total, and its two renderings: the plan text's cost lines and the plan
 * JSON's {@code peerform_cost}. The billing rules themselves (charge types, periods, the overdue timeline) are in
 * {@code dev.peerform.vpcapi.billing}, shared with the emulator.
 */
package dev.peerform.alicloud.billing;
