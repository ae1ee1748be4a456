package dev.peerform.alicloud.resources;

import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepSpec;
import java.util.ArrayList;
import java.util.List;

/** The steps of an {@link ObjectStep} resource's change: "rename the VPC", "delete the VPC", "create the VPC". */
final class ObjectSteps {

    private ObjectSteps() {
    }

    static List<StepSpec> of(ChangeView change, String what) {
        List<StepSpec> out = new ArrayList<>();
        if (change.action() == ChangeAction.UPDATE) {
            out.add(StepSpec.of(ObjectStep.RENAME, Phase.UPDATE, "rename the " + what));
        }
        if (change.action().destroys()) {
            out.add(StepSpec.of(ObjectStep.DELETE, Phase.DESTROY, "delete the " + what));
        }
        if (change.action().creates() && change.action() != ChangeAction.UPDATE) {
            out.add(StepSpec.of(ObjectStep.CREATE, Phase.CREATE, "create the " + what));
        }
        return out;
    }
}
