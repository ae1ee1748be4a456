package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
            if (!(a.get(1) instanceof ObjectValue || a.get(1) instanceof MapValue)) {
                throw new FunctionException(1, "the vars argument must be a map or an object.");
            }
            Map<String, Value> vars = a.get(1) instanceof ObjectValue o ? o.attributes()
                    : ((MapValue) a.get(1)).elements();
            return c.renderTemplate(name, text, vars);
        });
    }

    /**
     * The file's text. Only regular files of at most {@link Limits#MAX_FILE_BYTES} are read, and no more than
     * that is ever read: {@code /dev/zero}, a FIFO or a file that grows while read are refused, not buffered.
     */
    private static String read(CallContext c, String name) throws FunctionException {
        Path path = c.moduleDir().resolve(name);
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new FunctionException(0, "\"" + name + "\" is not a regular file; these functions read only "
                    + "files distributed with the configuration.");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(Limits.MAX_FILE_BYTES + 1);
            if (bytes.length > Limits.MAX_FILE_BYTES) {
                throw new FunctionException(0, "\"" + name + "\" is larger than " + Limits.count(
                        Limits.MAX_FILE_BYTES) + " bytes (16 MiB), the most a configuration may read from one "
                        + "file.");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
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
