package dev.peerform.alicloud.resources;

import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.spi.StepException;
import dev.peerform.vpcapi.errors.ErrorCodes;

/** Cloud errors as step failures: the code, the cloud's message, and what the user can do about it. */
final class Errors {

    private Errors() {
    }

    static StepException step(ApiException e, String doing) {
        String message = doing + ": the cloud answered " + e.code() + (e.getMessage().isEmpty() ? ""
                : " (" + e.getMessage() + ")");
        if (e.isTransient()) {
            return new StepException(message, e.code(), hint(e.code()), true);
        }
        return StepException.permanent(message, e.code(), hint(e.code()));
    }

    static String hint(String code) {
        return switch (code) {
            case ErrorCodes.THROTTLING_USER, ErrorCodes.SERVICE_UNAVAILABLE, ErrorCodes.SYSTEM_BUSY,
                 ErrorCodes.TASK_CONFLICT, ErrorCodes.OPERATION_CONFLICT, "NoResponse" ->
                "This is usually temporary; peerform retried it. Run apply again.";
            case ErrorCodes.INCORRECT_INTERFACE_STATUS, ErrorCodes.INCORRECT_STATUS -> "The router interface is in "
                    + "the middle of a change, or was changed outside peerform. Run `peerform plan` to see its status.";
            case ErrorCodes.INTERFACE_USED_BY_ROUTE -> "A route still uses this interface as its next hop. Remove the "
                    + "route first (peerform orders this itself for the routes it manages).";
            case ErrorCodes.ONLY_ONE_CONNECTION -> "Only one connected pair may join two routers; remove the other "
                    + "connection or peer different routers.";
            case "LimitationExceed.InterfaceNumberOnRouter" -> "A router has at most 5 router interfaces; remove "
                    + "unused ones or ask for a larger quota.";
            case "QuotaExceeded" -> "The account's router interface quota is used up; remove unused ones or ask "
                    + "for a larger quota.";
            case "InvalidAccessKeyId.NotFound", "SignatureDoesNotMatch" -> "Check the provider's access_key and "
                    + "secret_key (or ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY).";
            default -> "";
        };
    }
}
