package io.ticketdesk.plugin.host;

import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles small plugin sources against the SPI at test time and packages them as plugin jars. */
final class TestPluginJars {

  private final Path classes;

  private TestPluginJars(Path classes) {
    this.classes = classes;
  }

  /** Compiles the sources (path like {@code p/good/Good.java} to source text) in one go. */
  static TestPluginJars compile(Path workDir, Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(workDir.resolve("src"));
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    List<String> options =
        List.of(
            "--release", "17", "-classpath", spiLocation().toString(), "-d", classes.toString());
    List<String> files;
    try (Stream<Path> walk = Files.walk(src)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean ok =
          compiler
              .getTask(
                  errors,
                  fileManager,
                  null,
                  options,
                  null,
                  fileManager.getJavaFileObjectsFromStrings(files))
              .call();
      if (!ok) {
        throw new IllegalStateException("test plugin sources do not compile:\n" + errors);
      }
    }
    return new TestPluginJars(classes);
  }

  static Path spiLocation() {
    try {
      return Path.of(
          TicketdeskPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes a plugin jar with the classes of {@code packagePath} (e.g. {@code p/good}) and a service
   * file naming {@code pluginClasses}.
   */
  Path jar(Path target, String packagePath, String version, String... pluginClasses)
      throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (version != null) {
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
    }
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      Path root = classes.resolve(packagePath);
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
            jar.write(Files.readAllBytes(file));
            jar.closeEntry();
          }
        }
      }
      if (pluginClasses.length > 0) {
        jar.putNextEntry(new JarEntry("META-INF/services/" + TicketdeskPlugin.class.getName()));
        jar.write((String.join("\n", pluginClasses) + "\n").getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return target;
  }
}
