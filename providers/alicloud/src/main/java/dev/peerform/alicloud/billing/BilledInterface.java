package dev.peerform.alicloud.billing;

import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;

/**
 * What the bill of one router interface depends on, as the plan knows it. A null {@code spec}, {@code region} or
 * {@code oppositeRegion} is a value known only after apply: its charge is then unknown, not guessed.
 *
 * @param spec the API's spelling ({@code Large.1}); an acceptor's is {@code Negative}
 */
public record BilledInterface(Role role, String spec, RouterType routerType, String region, String oppositeRegion,
        ChargeType chargeType) {
}
