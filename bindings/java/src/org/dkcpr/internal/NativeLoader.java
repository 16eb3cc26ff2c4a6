// SPDX-License-Identifier: Apache-2.0
package org.dkcpr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads libdkcpr and the JNI library, once per class loader.
 *
 * <p>Order: the directory or file named by the system property {@value #PATH_PROPERTY}
 * (if set, nothing else is tried); else the copies in the jar for this platform, extracted
 * to a new private temporary directory (owner-only permissions; under the system property
 * {@value #TMPDIR_PROPERTY} if set, else {@code java.io.tmpdir}) and deleted again once
 * loaded; else {@code System.loadLibrary("dkcpr_jni")} through {@code java.library.path}.
 */
final class NativeLoader {
  static final String PATH_PROPERTY = "org.dkcpr.library.path";
  static final String TMPDIR_PROPERTY = "org.dkcpr.tmpdir";
  private static final String JNI_NAME = "dkcpr_jni";
  private static boolean loaded;

  private NativeLoader() {}

  static synchronized void load() {
    if (loaded) {
      return;
    }
    String path = System.getProperty(PATH_PROPERTY);
    if (path != null && !path.isEmpty()) {
      loadFromPath(Path.of(path));
    } else {
      List<String> tried = new ArrayList<>();
      if (!loadFromJar(tried)) {
        try {
          System.loadLibrary(JNI_NAME);
        } catch (UnsatisfiedLinkError e) {
          tried.add("java.library.path: " + e.getMessage());
          UnsatisfiedLinkError error = new UnsatisfiedLinkError(
              "dkcpr: cannot load the native library; tried " + String.join("; ", tried)
                  + ". Set -D" + PATH_PROPERTY + "=<directory with "
                  + System.mapLibraryName(JNI_NAME) + ">");
          error.initCause(e);
          throw error;
        }
      }
    }
    loaded = true;
  }

  /** A directory holding libdkcpr_jni.so (and libdkcpr.so.N), or the JNI library itself. */
  private static void loadFromPath(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      System.load(abs.toString());
      return;
    }
    try (var entries = Files.list(abs)) {
      // libdkcpr first, so the JNI library's dependency is already resolved.
      entries.filter(p -> p.getFileName().toString().matches("libdkcpr\\.so\\.[0-9]+"))
          .findFirst()
          .ifPresent(p -> System.load(p.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.load(abs.resolve(System.mapLibraryName(JNI_NAME)).toString());
  }

  private static boolean loadFromJar(List<String> tried) {
    String platform = platform();
    String dir = "/org/dkcpr/native/" + platform + "/";
    List<String> names;
    try (InputStream list = NativeLoader.class.getResourceAsStream(dir + "libraries.txt")) {
      if (list == null) {
        tried.add("no native library in the jar for " + platform);
        return false;
      }
      names = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(s -> !s.isEmpty()).toList();
    } catch (IOException e) {
      tried.add("jar: " + e);
      return false;
    }
    Path tmp = null;
    List<Path> files = new ArrayList<>();
    try {
      tmp = privateTempDirectory();
      for (String name : names) {
        Path file = tmp.resolve(name);
        try (InputStream in = NativeLoader.class.getResourceAsStream(dir + name)) {
          if (in == null) {
            tried.add("jar: " + name + " missing");
            return false;
          }
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        files.add(file);
      }
      for (Path file : files) {
        System.load(file.toString());
      }
      return true;
    } catch (IOException | UnsatisfiedLinkError e) {
      // For example a temporary directory mounted noexec.
      tried.add("jar (extracted to " + tmp + "): " + e.getMessage());
      return false;
    } finally {
      // Loaded libraries stay mapped; the files are no longer needed.
      for (Path file : files) {
        deleteQuietly(file);
      }
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private static Path privateTempDirectory() throws IOException {
    String base = System.getProperty(TMPDIR_PROPERTY, System.getProperty("java.io.tmpdir"));
    Path parent = Path.of(base);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory(parent, "dkcpr-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory(parent, "dkcpr-");
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Best effort; the directory is private to this user.
    }
  }

  /** This platform as the jar names it: os-arch, e.g. linux-x86_64. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("linux")) {
      os = "linux";
    } else if (os.startsWith("mac")) {
      os = "darwin";
    } else if (os.startsWith("windows")) {
      os = "windows";
    }
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    switch (arch) {
      case "amd64", "x86_64" -> arch = "x86_64";
      case "aarch64", "arm64" -> arch = "aarch64";
      default -> { }
    }
    return os + "-" + arch;
  }
}
