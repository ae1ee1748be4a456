package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** file, fileexists, templatefile: paths are relative to the calling module's directory. */
final class FileFunctions {

    private FileFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("file", List.of(p("path", Type.STRING)), (a, c) -> Value.of(read(c, a.get(0).asString())));
        r.add("fileexists", List.of(p("path", Type.STRING)), (a, c) -> {
            Path path = c.moduleDir().resolve(a.get(0).asString());
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw new FunctionException(0, "\"" + a.get(0).asString() + "\" exists, but it is not a regular "
                        + "file.");
            }
            return Value.of(Files.isRegularFile(path));
        });
        r.add("templatefile", List.of(p("path", Type.STRING), p("vars", Type.DYNAMIC)), (a, c) -> {
            String name = a.get(0).asString();
            String text = read(c, name);
            if (!(a.get(1) instanceof ObjectValue || a.get(1) instanceof dev.peerform.value.MapValue)) {
                throw new FunctionException(1, "the vars argument must be a map or an object.");
            }
            Map<String, Value> vars = a.get(1) instanceof ObjectValue o ? o.attributes()
                    : ((dev.peerform.value.MapValue) a.get(1)).elements();
            return c.renderTemplate(name, text, vars);
        });
    }

    private static String read(CallContext c, String name) throws FunctionException {
        Path path = c.moduleDir().resolve(name);
        try {
            byte[] bytes = Files.readAllBytes(path);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FunctionException(0, "contents of \"" + name + "\" are not valid UTF-8; use the filebase64 "
                    + "function to obtain the Base64 encoded contents.");
        } catch (IOException e) {
            throw new FunctionException(0, "no file exists at \"" + name + "\"; this function works only with "
                    + "files that are distributed as part of the configuration source code, so if this file will be "
                    + "created by a resource in this configuration you must instead obtain this result from an "
                    + "attribute of that resource.");
        }
    }
}
