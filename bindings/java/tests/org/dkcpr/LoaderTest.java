// SPDX-License-Identifier: Apache-2.0
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
 * Runs three times under ctest: loading from the jar (extracted into -Dorg.dkcpr.tmpdir), from
 * the directory named by -Dorg.dkcpr.library.path, and through java.library.path when the jar
 * has nothing for the platform. Nothing may stay behind in the temporary directory.
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
    // Where the libraries were mapped from: ctest names the directory, and whether the
    // files were deleted after loading (extracted copies are).
    Path expected = Path.of(System.getProperty("dkcpr.test.mapped.from")).toAbsolutePath()
        .normalize();
    boolean deleted = Boolean.getBoolean("dkcpr.test.mapped.deleted");
    for (String name : new String[] {"libdkcpr_jni.so", "libdkcpr.so."}) {
      String mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .filter(l -> l.contains("/" + name)).findFirst().orElseThrow();
      String path = mapped.substring(mapped.indexOf('/'));
      assertTrue(name + " mapped from " + path, path.startsWith(expected + "/"));
      assertEquals(name + " mapped from " + path, deleted, path.endsWith("(deleted)"));
    }
  }

  @Test
  public void twoClassLoadersEachLoadTheJar() throws Exception {
    // A library file can belong to one class loader only: this works because every
    // class loader extracts its own copy. (A fixed library path cannot offer that.)
    assumeTrue(Boolean.getBoolean("dkcpr.test.mapped.deleted"));
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
