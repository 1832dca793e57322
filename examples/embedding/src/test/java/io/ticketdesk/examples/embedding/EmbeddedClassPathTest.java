package io.ticketdesk.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * What embedding the core pulls in: this module depends on the core, the stores and the holiday
 * calendar only, so no web server, DI container, JSON library or logging binding arrives with it.
 */
class EmbeddedClassPathTest {
  /** Jar name prefixes an embedder must not get: HTTP server, DI, JSON, logging bindings. */
  static final List<String> FORBIDDEN_JARS =
      List.of(
          "javalin",
          "jetty-",
          "guice",
          "jackson-",
          "logback-",
          "slf4j-simple",
          "slf4j-jdk14",
          "slf4j-reload4j",
          "slf4j-nop",
          "log4j-slf4j",
          "log4j-slf4j2");

  static final List<String> FORBIDDEN_CLASSES =
      List.of(
          "io.javalin.Javalin",
          "org.eclipse.jetty.server.Server",
          "com.google.inject.Guice",
          "com.fasterxml.jackson.databind.ObjectMapper",
          "ch.qos.logback.classic.Logger");

  static List<String> classPath() {
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(p -> !p.isBlank())
        .map(p -> new File(p).getName())
        .toList();
  }

  @Test
  void noWebServerDiContainerJsonLibraryOrLoggingBindingIsOnTheClassPath() {
    List<String> jars = classPath();
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("ticketdesk-application")), jars::toString);
    List<String> found =
        jars.stream().filter(j -> FORBIDDEN_JARS.stream().anyMatch(j::startsWith)).toList();
    assertEquals(List.of(), found, "jars an embedder must not get");
    for (String name : FORBIDDEN_CLASSES) {
      assertTrue(!loadable(name), name + " is loadable");
    }
  }

  @Test
  void slf4jHasNoProviderSoTheEmbedderChoosesTheLogging() throws ClassNotFoundException {
    Class<?> provider = Class.forName("org.slf4j.spi.SLF4JServiceProvider");
    assertEquals(0, ServiceLoader.load(provider).stream().count(), "an SLF4J binding");
  }

  private static boolean loadable(String name) {
    try {
      Class.forName(name, false, EmbeddedClassPathTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
