package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * abspath, basename, dirname, pathexpand: string operations with Go's path rules (Terraform's), so that
 * {@code dirname("a//b/../c/d")} is {@code a/c} and {@code basename("")} is {@code "."} on every machine.
 */
final class PathFunctions {

    private PathFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("basename", List.of(p("path", Type.STRING)), (a, c) -> Value.of(base(a.get(0).asString())));
        r.add("dirname", List.of(p("path", Type.STRING)), (a, c) -> Value.of(dir(a.get(0).asString())));
        // like Terraform, relative to the process's working directory, not the module's
        r.add("abspath", List.of(p("path", Type.STRING)), (a, c) -> {
            String s = a.get(0).asString();
            return Value.of(s.startsWith("/") ? clean(s)
                    : clean(Path.of("").toAbsolutePath() + "/" + s));
        });
        r.add("pathexpand", List.of(p("path", Type.STRING)), (a, c) -> {
            String s = a.get(0).asString();
            if (!s.startsWith("~")) {
                return Value.of(s);
            }
            if (s.length() > 1 && s.charAt(1) != '/') {
                throw new FunctionException("cannot expand user-specific home dir.");
            }
            return Value.of(System.getProperty("user.home") + s.substring(1));
        });
    }

    /** Go's path.Clean: the shortest equivalent path, lexically. */
    static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
            } else {
                parts.addLast(seg);
            }
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    static String base(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        String s = p.replaceAll("/+$", "");
        if (s.isEmpty()) {
            return "/";
        }
        return s.substring(s.lastIndexOf('/') + 1);
    }

    static String dir(String p) {
        return clean(p.substring(0, p.lastIndexOf('/') + 1));
    }
}
