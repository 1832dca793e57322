package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins: on the host's class path, and in every {@code *.jar} of the plugins directory,
 * each jar with its own class loader that sees only the JDK and the SPI package. It instantiates
 * the declared {@link TicketdeskPlugin}s and nothing more; whether they are accepted is {@link
 * PluginRegistry}'s decision.
 */
final class PluginLoader {

  /**
   * The plugins one source declares, and the class loader they came from.
   *
   * @param ownLoader whether the loader was made for this jar (and is to be closed with it)
   */
  record Found(
      String source, ClassLoader loader, boolean ownLoader, List<TicketdeskPlugin> plugins) {

    /** Closes the jar's class loader when none of its plugins was accepted, or at shutdown. */
    void release() {
      if (ownLoader && loader instanceof URLClassLoader jarLoader) {
        try {
          jarLoader.close();
        } catch (IOException e) {
          LOG.warn("Could not close plugin class loader {}: {}", jarLoader.getName(), e.toString());
        }
      }
    }
  }

  static final String CLASS_PATH = "class path";

  private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

  private final Bulkhead loading;
  private final Consumer<String> reject;

  /**
   * @param loading where the plugins' constructors run, with the call timeout
   * @param reject receives one sentence per source that cannot be loaded
   */
  PluginLoader(Bulkhead loading, Consumer<String> reject) {
    this.loading = requireNonNull(loading, "loading is null");
    this.reject = requireNonNull(reject, "reject is null");
  }

  /** The plugins that {@code loader} declares (shipped with the application), if any. */
  List<Found> fromClassPath(ClassLoader loader) {
    try {
      return List.of(new Found(CLASS_PATH, loader, false, discover(CLASS_PATH, loader)));
    } catch (PluginCallException | ServiceConfigurationError e) {
      reject.accept("plugins on the class path rejected: cannot be loaded: " + describe(e));
      return List.of();
    }
  }

  /** The plugins of every jar in {@code directory}, in file-name order; none if it is missing. */
  List<Found> fromDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      LOG.info("No plugins directory at {}; loading no plugin jars", directory.toAbsolutePath());
      return List.of();
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
      stream.forEach(jars::add);
    } catch (IOException e) {
      reject.accept("plugins directory " + directory + " rejected: cannot be listed: " + e);
      return List.of();
    }
    jars.sort(Comparator.comparing(p -> p.getFileName().toString()));
    List<Found> found = new ArrayList<>();
    for (Path jar : jars) {
      fromJar(jar).ifPresent(found::add);
    }
    return found;
  }

  private Optional<Found> fromJar(Path jar) {
    String source = jar.getFileName().toString();
    try (JarFile ignored = new JarFile(jar.toFile())) {
      // Opened only to fail early and clearly on a file that is not a jar.
    } catch (IOException | SecurityException e) {
      reject.accept(
          "plugin jar " + source + " rejected: cannot be opened as a jar: " + e.getMessage());
      return Optional.empty();
    }
    URLClassLoader loader;
    try {
      loader =
          new URLClassLoader(
              "ticketdesk-plugin:" + source,
              new URL[] {jar.toUri().toURL()},
              new SpiOnlyClassLoader(PluginLoader.class.getClassLoader()));
    } catch (MalformedURLException e) {
      reject.accept("plugin jar " + source + " rejected: cannot be loaded: " + e.getMessage());
      return Optional.empty();
    }
    List<TicketdeskPlugin> plugins;
    try {
      plugins = discover(source, loader);
    } catch (PluginCallException | ServiceConfigurationError e) {
      reject.accept("plugin jar " + source + " rejected: cannot be loaded: " + describe(e));
      closeQuietly(loader);
      return Optional.empty();
    }
    if (plugins.isEmpty()) {
      reject.accept(
          "plugin jar "
              + source
              + " rejected: it declares no "
              + TicketdeskPlugin.class.getName()
              + " in META-INF/services");
      closeQuietly(loader);
      return Optional.empty();
    }
    return Optional.of(new Found(source, loader, true, plugins));
  }

  /** Instantiates every plugin the loader declares, guarded by the call timeout. */
  private List<TicketdeskPlugin> discover(String source, ClassLoader loader) {
    return loading.call(
        source,
        null,
        loader,
        () -> {
          List<TicketdeskPlugin> found = new ArrayList<>();
          Iterator<TicketdeskPlugin> it =
              ServiceLoader.load(TicketdeskPlugin.class, loader).iterator();
          while (it.hasNext()) {
            found.add(it.next());
          }
          return found;
        });
  }

  private static String describe(Throwable e) {
    if (e instanceof PluginCallException p) {
      return p.reason();
    }
    return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      LOG.debug("Could not close {}: {}", loader.getName(), e.toString());
    }
  }
}
