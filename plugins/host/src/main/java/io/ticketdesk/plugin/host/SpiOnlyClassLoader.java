package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

/**
 * The parent of every plugin class loader: it sees the platform classes (the JDK) and, from the
 * host, the SPI package {@code io.ticketdesk.plugin.api} and nothing else. A plugin therefore
 * shares the SPI types with the host but never sees the host's other classes or libraries.
 */
final class SpiOnlyClassLoader extends ClassLoader {

  static final String SPI_PACKAGE = "io.ticketdesk.plugin.api.";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader hostLoader;

  SpiOnlyClassLoader(ClassLoader hostLoader) {
    super("ticketdesk-plugin-spi", ClassLoader.getPlatformClassLoader());
    this.hostLoader = requireNonNull(hostLoader, "hostLoader is null");
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isSpiClass(name)) {
      Class<?> type = hostLoader.loadClass(name);
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
    return super.loadClass(name, resolve);
  }

  static boolean isSpiClass(String name) {
    // Only the package itself: sub-packages are not part of the SPI.
    return name.startsWith(SPI_PACKAGE) && name.indexOf('.', SPI_PACKAGE.length()) < 0;
  }
}
