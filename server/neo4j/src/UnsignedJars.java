import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the signed jars of a class path without their signature files and prints the class path
 * with each signed jar replaced by its copy. Neo4j 5.26 ships eclipse-collections as signed jars
 * (about 12 MB, some 700 classes loaded at every start): class-data sharing never archives classes
 * from a signed jar, and the JVM checks each one against the signature as it loads. The copies hold
 * the same entries, byte for byte, less META-INF's signature files; the originals came from Maven
 * Central, checksums checked.
 *
 * <p>Usage (source-file mode, run once per install by fetch-jars.ts): java UnsignedJars.java
 * OUT_DIR CLASS_PATH
 */
public final class UnsignedJars {
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java UnsignedJars.java OUT_DIR CLASS_PATH");
      System.exit(2);
    }
    Path outDir = Path.of(args[0]);
    Files.createDirectories(outDir);
    List<String> result = new ArrayList<>();
    for (String entry : args[1].split(File.pathSeparator)) {
      if (entry.isEmpty()) continue;
      Path jar = Path.of(entry);
      if (!entry.endsWith(".jar") || !isSigned(jar)) {
        result.add(entry);
        continue;
      }
      // Named for the whole path, so two jars of one file name from different groups cannot clash.
      String name =
          Integer.toHexString(jar.toAbsolutePath().toString().hashCode()) + "-" + jar.getFileName();
      Path copy = outDir.resolve(name);
      if (!Files.exists(copy)) writeUnsigned(jar, copy);
      result.add(copy.toAbsolutePath().toString());
    }
    System.out.print(String.join(File.pathSeparator, result));
  }

  /** META-INF/*.SF, *.RSA, *.DSA, *.EC and SIG-*, directly in META-INF (the JAR specification). */
  static boolean isSignatureFile(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
      return false;
    }
    String file = upper.substring("META-INF/".length());
    return file.endsWith(".SF")
        || file.endsWith(".RSA")
        || file.endsWith(".DSA")
        || file.endsWith(".EC")
        || file.startsWith("SIG-");
  }

  static boolean isSigned(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().anyMatch(e -> isSignatureFile(e.getName()));
    }
  }

  /** Written beside the copy and moved into place, so a copy that exists is complete. */
  static void writeUnsigned(Path jar, Path copy) throws IOException {
    Path partial =
        copy.resolveSibling(copy.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try (ZipFile in = new ZipFile(jar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
      for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        if (isSignatureFile(entry.getName())) continue;
        ZipEntry copied = new ZipEntry(entry.getName());
        copied.setTime(entry.getTime());
        out.putNextEntry(copied);
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
    Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
