package dev.peerform.alicloud.resources;

import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;

/** Calls that several resources make the same way. */
final class Calls {

    private Calls() {
    }

    /** Calls a deleting action; an object already gone (the error table's GONE) is what deleting wanted. */
    static void deleteIgnoringNotFound(Api api, String action, String... kv) throws ApiException {
        try {
            api.call(action, kv);
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    /**
     * Suspends an interface and waits until it is Inactive, as the cloud requires before a delete: an Active one is
     * deactivated; one already suspending is waited for; one that is Idle (never connected) or gone needs nothing.
     */
    static void suspendAndWait(Api api, StepContext ctx, String id) throws ApiException, StepException {
        String status = InterfaceReader.status(api, id, api.region());
        if (status == null) {
            return;
        }
        if (status.equals("Active")) {
            api.call("DeactivateRouterInterface", "RouterInterfaceId", id);
        }
        if (!status.equals("Idle")) {
            awaitStatus(api, ctx, id + " to be Inactive", id, "Inactive");
        }
    }

    /** Polls the interface until its status is {@code wanted} (null: until it is gone). */
    static void awaitStatus(Api api, StepContext ctx, String what, String id, String wanted) throws StepException {
        Waits.until(ctx, what, wanted, () -> InterfaceReader.status(api, id, api.region()));
    }
}
