package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Runs twice under ctest: loading from the jar (extracted into -Dorg.dkcpr.tmpdir), and from
 * the directory named by -Dorg.dkcpr.library.path. Either way nothing may stay behind.
 */
public class LoaderTest {
  private static Path tmp;

  @BeforeClass
  public static void freshTemporaryDirectory() throws Exception {
    tmp = Path.of(System.getProperty("org.dkcpr.tmpdir"));
    Files.createDirectories(tmp);
    try (Stream<Path> old = Files.list(tmp)) {
      for (Path p : (Iterable<Path>) old::iterator) {
        Files.delete(p);
      }
    }
  }

  @Test
  public void loadsAndLeavesNothingBehind() throws Exception {
    assertTrue(Dkcpr.version().matches("[0-9]+\\.[0-9]+\\.[0-9]+"));
    assertTrue(Cpr.isValid("070761-4285"));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals("extracted libraries are deleted once loaded", 0, left.count());
    }
    // Where the libraries were mapped from: the named directory, or a private
    // directory under the temporary directory (deleted since).
    String dir = System.getProperty("org.dkcpr.library.path");
    Path expected = dir != null ? Path.of(dir).toAbsolutePath().normalize()
        : tmp.toAbsolutePath().normalize();
    for (String name : new String[] {"libdkcpr_jni.so", "libdkcpr.so."}) {
      String mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .filter(l -> l.contains("/" + name)).findFirst().orElseThrow();
      String path = mapped.substring(mapped.indexOf('/'));
      assertTrue(name + " mapped from " + path, path.startsWith(expected + "/"));
      assertEquals(name + " mapped from " + path, dir == null, path.endsWith("(deleted)"));
    }
  }

  @Test
  public void twoClassLoadersEachLoadTheJar() throws Exception {
    // A library file can belong to one class loader only: this works because every
    // class loader extracts its own copy. (A fixed library path cannot offer that.)
    assumeTrue(System.getProperty("org.dkcpr.library.path") == null);
    URL jar = Cpr.class.getProtectionDomain().getCodeSource().getLocation();
    for (int i = 0; i < 2; i++) {
      try (URLClassLoader loader =
          new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader())) {
        Class<?> cpr = loader.loadClass("org.dkcpr.Cpr");
        assertTrue(cpr != Cpr.class);
        assertEquals(Boolean.TRUE, cpr.getMethod("isValid", String.class).invoke(null, "070761-4285"));
        assertEquals(Boolean.FALSE, cpr.getMethod("isValid", String.class).invoke(null, "310261-1234"));
      }
    }
  }
}
