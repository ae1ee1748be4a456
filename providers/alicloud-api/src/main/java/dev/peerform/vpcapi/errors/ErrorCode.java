package dev.peerform.vpcapi.errors;

import java.util.Set;

/**
 * One row of the error table: a code (exact, or a prefix such as {@code Throttling}), the actions it applies to
 * (empty: every action), what a client does with it, and the situation the cloud answers it in.
 */
public record ErrorCode(String code, boolean prefix, Set<String> actions, ClientAction action, String situation) {

    /** The code answered to {@code action}, matched exactly or (as the official provider does) inside the message. */
    boolean matches(String calledAction, String answered, String message) {
        if (!actions.isEmpty() && !actions.contains(calledAction)) {
            return false;
        }
        if (prefix) {
            return answered.startsWith(code);
        }
        return answered.equals(code) || (message != null && message.contains(code));
    }
}
