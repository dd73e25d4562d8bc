import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the short-lived CLIs (dmg, daos): one jar for the launcher's class path in place of the module's jar
 * and its dozens of dependencies. The JVM opens a class-path jar at the first lookup that reaches it, and a lookup
 * of a class or resource that no jar holds (a service search, a library probing for an optional class) opens every
 * one of them: for dmg's 37 jars that was 60-90 ms of a 250 ms command, a third of it verifying the signatures of
 * Bouncy Castle's three signed jars. This writes {@code <module jar's directory>/<module>.cli.jar}: every entry of
 * the module's jar and of the jars {@code target/classpath} names, in class-path order (the first of two same-named
 * entries wins, as on the class path), with the jars' service files merged, their signature files and module
 * descriptors dropped and a manifest of its own. Its classes are unsigned: OpenJDK loads Bouncy Castle's provider
 * unsigned (only Oracle's JDK insists on a signed JCE provider). bin/jdaos-java runs CLIs from it when it is not
 * older than {@code target/classpath}. Maven runs it (exec-maven-plugin, execution {@code cli-jar}):
 *
 * <pre>java CliJar &lt;module jar&gt; &lt;target/classpath&gt; &lt;out jar&gt;</pre>
 */
public final class CliJar {
  /** Signature files (a merged jar's would name digests of entries that are no longer theirs) and the index. */
  private static final Pattern DROPPED = Pattern.compile(
      "META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+|META-INF/INDEX\\.LIST|META-INF/MANIFEST\\.MF"
          + "|(META-INF/versions/[0-9]+/)?module-info\\.class");
  private static final String SERVICES = "META-INF/services/";

  private CliJar() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      fail("usage: CliJar <module jar> <target/classpath file> <out jar>");
    }
    Path moduleJar = Path.of(args[0]).toAbsolutePath();
    Path cpFile = Path.of(args[1]).toAbsolutePath();
    Path out = Path.of(args[2]).toAbsolutePath();
    if (!Files.isRegularFile(moduleJar)) {
      fail(moduleJar + " does not exist: run this step after maven-jar-plugin (package phase)");
    }
    if (!Files.isRegularFile(cpFile)) {
      fail(cpFile + " does not exist: run maven-dependency-plugin's build-classpath (execution write-classpath) "
          + "before this step, in the same phase");
    }
    List<Path> jars = new ArrayList<>();
    jars.add(moduleJar);
    for (String e : Files.readString(cpFile).strip().split(":")) {
      if (!e.isEmpty()) {
        Path p = Path.of(e);
        if (!Files.isRegularFile(p)) {
          fail(p + " is on " + cpFile + " but missing: run the build again (mvn -B -DskipTests package)");
        }
        jars.add(p);
      }
    }
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    int n = merge(jars, tmp);
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("CliJar: " + out.getFileName() + ": " + n + " entries from " + jars.size() + " jars");
  }

  /** Writes {@code jars} merged into {@code out}; returns the number of entries written. */
  static int merge(List<Path> jars, Path out) throws IOException {
    Set<String> written = new HashSet<>();
    Map<String, Set<String>> services = new LinkedHashMap<>();
    boolean multiRelease = false;
    int n = 0;
    try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zos = new ZipOutputStream(os)) {
      List<ZipFile> opened = new ArrayList<>();
      try {
        for (Path p : jars) {
          ZipFile z = new ZipFile(p.toFile());
          opened.add(z);
          Manifest m = manifest(z);
          multiRelease |= m != null && "true".equalsIgnoreCase(m.getMainAttributes().getValue("Multi-Release"));
        }
        n += writeManifest(zos, multiRelease);
        written.add("META-INF/");
        written.add(JarFile.MANIFEST_NAME);
        for (int i = 0; i < opened.size(); i++) {
          ZipFile z = opened.get(i);
          for (ZipEntry e : z.stream().toList()) {
            String name = e.getName();
            if (DROPPED.matcher(name).matches()) {
              continue;
            }
            if (name.startsWith(SERVICES) && !name.endsWith("/") && name.length() > SERVICES.length()) {
              services.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(providers(z, e));
              continue;
            }
            if (!written.add(name)) {
              continue;
            }
            ZipEntry copy = new ZipEntry(name);
            copy.setTime(e.getTime());
            zos.putNextEntry(copy);
            try (InputStream is = z.getInputStream(e)) {
              is.transferTo(zos);
            }
            zos.closeEntry();
            n++;
          }
        }
      } finally {
        for (ZipFile z : opened) {
          z.close();
        }
      }
      for (Map.Entry<String, Set<String>> s : services.entrySet()) {
        zos.putNextEntry(new ZipEntry(s.getKey()));
        zos.write((String.join("\n", s.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
        zos.closeEntry();
        n++;
      }
    }
    return n;
  }

  private static Manifest manifest(ZipFile z) throws IOException {
    ZipEntry e = z.getEntry(JarFile.MANIFEST_NAME);
    if (e == null) {
      return null;
    }
    try (InputStream is = z.getInputStream(e)) {
      return new Manifest(is);
    }
  }

  private static int writeManifest(ZipOutputStream zos, boolean multiRelease) throws IOException {
    zos.putNextEntry(new ZipEntry("META-INF/"));
    zos.closeEntry();
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Created-By", "jdaos build-tools/CliJar.java");
    if (multiRelease) {
      a.put(Attributes.Name.MULTI_RELEASE, "true");
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    m.write(b);
    zos.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
    zos.write(b.toByteArray());
    zos.closeEntry();
    return 2;
  }

  /** The provider class names a service file lists (comments and blank lines left out). */
  private static List<String> providers(ZipFile z, ZipEntry e) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream is = z.getInputStream(e)) {
      for (String line : new String(is.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
    }
    return out;
  }

  private static void fail(String msg) {
    System.err.println("CliJar: " + msg);
    System.exit(1);
  }
}
