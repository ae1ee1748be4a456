package dev.peerform.lang;

import dev.peerform.value.Value;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** What a function may use besides its arguments: the module's directory, and template rendering. */
public interface CallContext {

    /** The directory of the module whose expression calls the function; relative file names resolve here. */
    Path moduleDir();

    /** Parses and renders a template file's text with the given variables (for templatefile). */
    Value renderTemplate(String filename, String text, Map<String, Value> variables) throws FunctionException;

    /**
     * When the plan was made, for plantimestamp. Without a planner to fix it once per run, the moment of the
     * call: never later than a timestamp() called after it.
     */
    default Instant planTimestamp() {
        return Instant.now();
    }
}
