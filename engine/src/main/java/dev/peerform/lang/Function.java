package dev.peerform.lang;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.List;

/**
 * One function of the language: its parameters (for arity, conversion and the handling of null, unknown and
 * sensitive arguments) and its implementation, which sees only arguments that passed those checks.
 */
public record Function(String name, List<Param> params, Param variadic, Impl impl) {

    @FunctionalInterface
    public interface Impl {
        Value call(List<Value> args, CallContext context) throws FunctionException;
    }

    /**
     * A parameter. Unless allowed, a null argument is an error, an argument that is not wholly known makes the
     * result unknown, and a sensitive argument is unmarked for the call and its mark put on the result.
     */
    public record Param(String name, Type type, boolean allowNull, boolean allowUnknown, boolean allowMarked) {

        public static Param of(String name, Type type) {
            return new Param(name, type, false, false, false);
        }

        public Param nullable() {
            return new Param(name, type, true, allowUnknown, allowMarked);
        }

        public Param unknowns() {
            return new Param(name, type, allowNull, true, allowMarked);
        }

        public Param marked() {
            return new Param(name, type, allowNull, allowUnknown, true);
        }
    }

    public Param param(int index) {
        return index < params.size() ? params.get(index) : variadic;
    }
}
