package dev.peerform.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * The CLI called in process, many times in one JVM, from the launcher's jar (loaded apart from the harness's class
 * path, so the harness compiles against no engine class). The jar's Main-Class calls System.exit, so this adapter
 * looks, by reflection, for the non-exiting entry beside it: a {@code Cli} class built from a {@code CliContext}
 * (working directory, out, err, environment) with {@code int run(String...)}. The engine should offer that as a
 * public, documented entry point (say {@code Main.run(Path dir, PrintWriter out, PrintWriter err, Map env,
 * String... args)}); until then, should the names move, the adapter falls back to the Main-Class with
 * {@code -chdir} and System.exit trapped (Java 17's security manager, allowed by the worker's JVM flag).
 */
final class InProcessCli {

    /** One command's outcome; {@code escaped} is a throwable that left the CLI (itself a defect). */
    record Result(int code, String out, Throwable escaped) {
    }

    private final Entry entry;
    private final String description;

    private interface Entry {
        Result run(Path dir, List<String> args) throws Exception;
    }

    InProcessCli(Path jar) throws IOException, ReflectiveOperationException {
        String mainClass;
        try (JarFile j = new JarFile(jar.toFile())) {
            mainClass = j.getManifest().getMainAttributes().getValue("Main-Class");
        }
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> main = Class.forName(mainClass, true, loader);
        String pkg = main.getPackageName();
        Entry found = null;
        String how;
        try {
            Class<?> cli = Class.forName(pkg + ".Cli", true, loader);
            Class<?> context = Class.forName(pkg + ".CliContext", true, loader);
            Constructor<?> newContext = context.getConstructor(Path.class, PrintWriter.class, PrintWriter.class,
                    Map.class);
            Constructor<?> newCli = cli.getConstructor(context);
            Method run = cli.getMethod("run", String[].class);
            found = (dir, args) -> {
                StringWriter buf = new StringWriter();
                PrintWriter w = new PrintWriter(buf, true);
                Object ctx = newContext.newInstance(dir, w, w, Map.of("NO_COLOR", "1"));
                Object c = newCli.newInstance(ctx);
                try {
                    int code = (Integer) run.invoke(c, (Object) args.toArray(String[]::new));
                    w.flush();
                    return new Result(code, buf.toString(), null);
                } catch (InvocationTargetException e) {
                    return new Result(-1, buf.toString(), e.getCause());
                }
            };
            how = pkg + ".Cli(CliContext).run(String...) by reflection";
        } catch (ReflectiveOperationException e) {
            how = mainClass + ".main with -chdir and System.exit trapped (no Cli/CliContext: " + e + ")";
            found = exitTrapped(main.getMethod("main", String[].class));
        }
        this.entry = found;
        this.description = how;
    }

    String description() {
        return description;
    }

    Result run(Path dir, String... args) throws Exception {
        return entry.run(dir, List.of(args));
    }

    private static final class ExitTrapped extends SecurityException {
        final int code;

        ExitTrapped(int code) {
            super("exit " + code);
            this.code = code;
        }
    }

    @SuppressWarnings("removal")
    private static Entry exitTrapped(Method main) {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkExit(int status) {
                throw new ExitTrapped(status);
            }

            @Override
            public void checkPermission(Permission perm) {
                // everything else allowed
            }
        });
        return (dir, args) -> {
            List<String> all = new ArrayList<>();
            all.add("-chdir=" + dir);
            all.addAll(args);
            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            try {
                main.invoke(null, (Object) all.toArray(String[]::new));
                return new Result(0, buf.toString(StandardCharsets.UTF_8), null);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof ExitTrapped x) {
                    return new Result(x.code, buf.toString(StandardCharsets.UTF_8), null);
                }
                return new Result(-1, buf.toString(StandardCharsets.UTF_8), e.getCause());
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
        };
    }
}
