import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar, rewriting each class file older than Java 6 (picocli's are Java 5) as a Java 8 one with stack maps.
 * Run by the launcher with a JDK 24 or later (its java.lang.classfile API): a JVM's ahead-of-time cache leaves old
 * class files out, so without this every run loads and verifies picocli's 170 classes anew. A class that cannot be
 * rewritten is copied as it is. Usage: java CurrentClassFiles.java IN.jar OUT.jar
 */
public class CurrentClassFiles {

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path tmp = out.resolveSibling(out.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        int rewritten = 0;
        try (ZipFile zip = new ZipFile(in.toFile());
                ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tmp))) {
            Map<String, byte[]> classes = new HashMap<>();
            zip.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> {
                try (InputStream s = zip.getInputStream(e)) {
                    classes.put(e.getName(), s.readAllBytes());
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
            ClassHierarchyResolver resolver = ClassHierarchyResolver.defaultResolver()
                    .orElse(ClassHierarchyResolver.ofResourceParsing(desc -> {
                        byte[] b = classes.get(desc.descriptorString().substring(1).replace(";", "") + ".class");
                        return b == null ? null : new java.io.ByteArrayInputStream(b);
                    }));
            ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver));
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                byte[] bytes;
                try (InputStream s = zip.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                if (e.getName().endsWith(".class") && bytes.length > 8 && ((bytes[6] & 0xff) << 8 | (bytes[7] & 0xff)) < 50) {
                    try {
                        ClassModel model = cf.parse(bytes);
                        // rebuilding each method body makes the stack maps a Java 8 class file needs
                        bytes = cf.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                                .andThen(ClassTransform.endHandler(b -> b.withVersion(52, 0))));
                        rewritten++;
                    } catch (RuntimeException x) {
                        // kept as it is: the JVM still runs it, only not from the cache
                    }
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                z.putNextEntry(copy);
                z.write(bytes);
                z.closeEntry();
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println(rewritten + " class files rewritten");
    }
}
