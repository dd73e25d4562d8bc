import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the short-lived CLIs (dmg, daos): a JDK's CDS archive and AOT cache skip classes older than Java 6
 * ("Old class has been linked"), so a dependency compiled for Java 5 (picocli) is loaded, verified by the old
 * type-inferring verifier and linked afresh by every run. This rewrites such a jar's classes to Java 8 class files
 * (version 52, stack map frames computed by ASM, bytecode otherwise untouched), writes the result beside the
 * module's {@code target/classpath} as {@code <name>-java8.jar} and puts it in place of the original there, which
 * is what the bin/ launchers read. Maven runs it (exec-maven-plugin, execution {@code java8-jar}) with ASM on the
 * class path:
 *
 * <pre>java -cp asm.jar Java8Jar &lt;target/classpath&gt; &lt;jar name prefix, e.g. picocli-&gt;</pre>
 */
public final class Java8Jar {
  private static final int JAVA8 = Opcodes.V1_8;

  private Java8Jar() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      fail("usage: Java8Jar <target/classpath file> <jar file name prefix, e.g. picocli->");
    }
    Path cpFile = Path.of(args[0]).toAbsolutePath();
    String prefix = args[1];
    if (!Files.isRegularFile(cpFile)) {
      fail(cpFile + " does not exist: run maven-dependency-plugin's build-classpath (execution write-classpath) "
          + "before this step, in the same phase");
    }
    String[] entries = Files.readString(cpFile).strip().split(":");
    int index = -1;
    for (int i = 0; i < entries.length; i++) {
      String name = Path.of(entries[i]).getFileName().toString();
      if (name.startsWith(prefix) && name.endsWith(".jar")) {
        if (index >= 0) {
          fail(cpFile + " names two jars starting with '" + prefix + "': " + entries[index] + " and " + entries[i]);
        }
        index = i;
      }
    }
    if (index < 0) {
      fail(cpFile + " names no jar starting with '" + prefix + "': check the module's dependencies");
    }
    Path in = Path.of(entries[index]);
    if (in.getFileName().toString().endsWith("-java8.jar")) {
      if (!Files.isRegularFile(in)) {
        fail(in + " is on " + cpFile + " but missing: run the build again (mvn -B -DskipTests package)");
      }
      return; // already in place (build-classpath left the file alone)
    }
    String name = in.getFileName().toString();
    Path out = cpFile.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-java8.jar");
    if (!Files.isRegularFile(out) || Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(in)) < 0) {
      Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
      int rewritten = rewrite(in, tmp);
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      if (rewritten == 0) {
        fail(in + " has no class file older than Java 8: drop this step for it");
      }
    }
    entries[index] = out.toString();
    Path tmp = cpFile.resolveSibling(cpFile.getFileName() + ".tmp");
    Files.writeString(tmp, String.join(":", entries));
    Files.move(tmp, cpFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Copies {@code in} to {@code out}, class files older than Java 8 rewritten; returns how many were. */
  static int rewrite(Path in, Path out) throws IOException {
    int n = 0;
    try (JarFile jar = new JarFile(in.toFile(), false);
        URLClassLoader types = new URLClassLoader(new URL[] {in.toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
        OutputStream os = Files.newOutputStream(out);
        JarOutputStream jos = new JarOutputStream(os)) {
      List<JarEntry> all = new ArrayList<>(jar.stream().toList());
      for (JarEntry e : all) {
        if (e.getName().endsWith(".SF") || e.getName().endsWith(".RSA") || e.getName().endsWith(".DSA")
            || e.getName().endsWith(".EC")) {
          fail(in + " is signed (" + e.getName() + "): a rewritten copy would not verify");
        }
        byte[] data;
        try (InputStream is = jar.getInputStream(e)) {
          data = is.readAllBytes();
        }
        if (e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class")) {
          ClassReader reader = new ClassReader(data);
          if (reader.readShort(6) < JAVA8) {
            data = toJava8(reader, types, e.getName());
            n++;
          }
        }
        JarEntry copy = new JarEntry(e.getName());
        copy.setTime(e.getTime());
        jos.putNextEntry(copy);
        jos.write(data);
        jos.closeEntry();
      }
    }
    return n;
  }

  private static byte[] toJava8(ClassReader reader, ClassLoader types, String entry) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected ClassLoader getClassLoader() {
        return types;
      }
    };
    ClassVisitor retarget = new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName,
          String[] interfaces) {
        super.visit(JAVA8, access, name, signature, superName, interfaces);
      }
    };
    try {
      // SKIP_FRAMES: a class older than Java 6 has none; COMPUTE_FRAMES writes them (and rejects JSR/RET).
      reader.accept(retarget, ClassReader.SKIP_FRAMES);
    } catch (RuntimeException e) {
      fail(entry + ": cannot be rewritten as a Java 8 class file: " + e);
    }
    return writer.toByteArray();
  }

  private static void fail(String message) {
    System.err.println("Java8Jar: " + message);
    System.exit(1);
  }
}
