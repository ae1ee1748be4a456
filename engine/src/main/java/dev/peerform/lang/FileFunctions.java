package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * file, fileexists, fileset, templatefile, filebase64 and the file digests: paths are relative to the calling
 * module's directory.
 */
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
        r.add("filebase64", List.of(p("path", Type.STRING)), (a, c) -> {
            String name = a.get(0).asString();
            Path path = c.moduleDir().resolve(name);
            if (Files.isDirectory(path)) {
                throw new FunctionException(0, "failed to read file: read " + name + ": is a directory.");
            }
            try {
                return Value.of(Base64.getEncoder().encodeToString(bounded(path, name)));
            } catch (IOException e) {
                throw new FunctionException(0, missing(name));
            }
        });
        digest(r, "filemd5", "MD5", false);
        digest(r, "filesha1", "SHA-1", false);
        digest(r, "filesha256", "SHA-256", false);
        digest(r, "filesha512", "SHA-512", false);
        digest(r, "filebase64sha256", "SHA-256", true);
        digest(r, "filebase64sha512", "SHA-512", true);
        r.add("fileset", List.of(p("path", Type.STRING), p("pattern", Type.STRING)),
                (a, c) -> fileset(c, a.get(0).asString(), a.get(1).asString()));
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

    private static void digest(Functions.Registry r, String name, String algorithm, boolean base64) {
        r.add(name, List.of(p("path", Type.STRING)), (a, c) -> {
            String file = a.get(0).asString();
            Path path = c.moduleDir().resolve(file);
            if (Files.isDirectory(path)) {
                throw new FunctionException("read " + file + ": is a directory.");
            }
            byte[] bytes;
            try {
                bytes = bounded(path, file);
            } catch (IOException e) {
                throw new FunctionException("open " + file + ": no such file or directory.");
            }
            byte[] sum = HashFunctions.digest(algorithm, bytes);
            return Value.of(base64 ? Base64.getEncoder().encodeToString(sum) : HexFormat.of().formatHex(sum));
        });
    }

    /** The files (not directories) under path matching the pattern, relative to path. */
    private static Value fileset(CallContext c, String base, String pattern) throws FunctionException {
        String joined = PathFunctions.clean(base + "/" + pattern);
        Pattern glob = Glob.compile(joined);
        if (glob == null) {
            throw new FunctionException("failed to glob pattern \"" + joined + "\": syntax error in pattern.");
        }
        Path root = c.moduleDir().resolve(base);
        List<Value> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    String rel = root.relativize(f).toString().replace('\\', '/');
                    if (glob.matcher(PathFunctions.clean(base + "/" + rel)).matches()) {
                        out.add(Value.of(rel));
                    }
                }
            } catch (IOException e) {
                throw new FunctionException("failed to glob pattern \"" + joined + "\": " + e.getMessage() + ".");
            }
        }
        return new SetValue(Type.STRING, out);
    }

    private static String missing(String name) {
        return "no file exists at \"" + name + "\"; this function works only with "
                + "files that are distributed as part of the configuration source code, so if this file will be "
                + "created by a resource in this configuration you must instead obtain this result from an "
                + "attribute of that resource.";
    }

    /** The file's text, read through {@link #bounded}. */
    private static String read(CallContext c, String name) throws FunctionException {
        Path path = c.moduleDir().resolve(name);
        try {
            byte[] bytes = bounded(path, name);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FunctionException(0, "contents of \"" + name + "\" are not valid UTF-8; use the filebase64 "
                    + "function to obtain the Base64 encoded contents.");
        } catch (IOException e) {
            throw new FunctionException(0, missing(name));
        }
    }

    /**
     * A file's bytes, never more than {@link Limits#MAX_FILE_BYTES}: {@code /dev/zero}, a FIFO or a file that grows
     * while read are refused, not buffered.
     */
    private static byte[] bounded(Path path, String name) throws IOException, FunctionException {
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
            return bytes;
        }
    }
}
