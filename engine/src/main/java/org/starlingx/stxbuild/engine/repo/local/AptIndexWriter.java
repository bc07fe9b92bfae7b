package org.starlingx.stxbuild.engine.repo.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.starlingx.stxbuild.engine.repo.FileDigests;

/**
 * Writes one suite of an apt repository: {@code dists/<suite>/main/binary-<arch>/Packages} (plain
 * and gzip) and the {@code Release} file listing them, signed when a signer is given.
 */
final class AptIndexWriter {
  static final String COMPONENT = "main";
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT);

  private final Path root;
  private final List<String> architectures;
  private final GpgSigner signer;

  AptIndexWriter(Path root, List<String> architectures, GpgSigner signer) {
    this.root = root;
    this.architectures = List.copyOf(architectures);
    this.signer = signer;
  }

  void write(String suite, Collection<LocalPackage> packages) {
    Path dists = root.resolve("dists").resolve(suite);
    Map<String, byte[]> indexes = new LinkedHashMap<>();
    for (String arch : architectures) {
      String packagesIndex = packagesIndex(packages, arch);
      byte[] plain = packagesIndex.getBytes(StandardCharsets.UTF_8);
      String dir = COMPONENT + "/binary-" + arch + "/";
      indexes.put(dir + "Packages", plain);
      indexes.put(dir + "Packages.gz", gzip(plain));
    }
    try {
      for (Map.Entry<String, byte[]> index : indexes.entrySet()) {
        replace(dists.resolve(index.getKey()), index.getValue());
      }
      Path release = dists.resolve("Release");
      replace(release, release(suite, indexes).getBytes(StandardCharsets.UTF_8));
      if (signer != null) {
        signer.sign(release);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write apt indexes in " + dists, e);
    }
  }

  private static String packagesIndex(Collection<LocalPackage> packages, String arch) {
    StringBuilder index = new StringBuilder();
    packages.stream()
        .filter(pkg -> pkg.architecture().equals(arch) || pkg.architecture().equals("all"))
        .sorted(Comparator.comparing(LocalPackage::key))
        .forEach(pkg -> index.append(pkg.paragraph()).append('\n'));
    return index.toString();
  }

  private String release(String suite, Map<String, byte[]> indexes) {
    StringBuilder release = new StringBuilder();
    release.append("Origin: starlingx-build\n");
    release.append("Label: starlingx-build\n");
    release.append("Suite: ").append(suite).append('\n');
    release.append("Codename: ").append(suite).append('\n');
    release
        .append("Date: ")
        .append(RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .append('\n');
    release.append("Architectures: ").append(String.join(" ", architectures)).append('\n');
    release.append("Components: ").append(COMPONENT).append('\n');
    List<String[]> sums = new ArrayList<>();
    indexes.forEach(
        (path, bytes) -> {
          FileDigests digests = FileDigests.of(bytes);
          sums.add(
              new String[] {
                path,
                String.valueOf(digests.size()),
                digests.md5(),
                digests.sha1(),
                digests.sha256()
              });
        });
    appendSums(release, "MD5Sum", sums, 2);
    appendSums(release, "SHA1", sums, 3);
    appendSums(release, "SHA256", sums, 4);
    return release.toString();
  }

  private static void appendSums(StringBuilder release, String field, List<String[]> sums, int at) {
    release.append(field).append(":\n");
    for (String[] sum : sums) {
      release
          .append(' ')
          .append(sum[at])
          .append(' ')
          .append(sum[1])
          .append(' ')
          .append(sum[0])
          .append('\n');
    }
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Replaces a file atomically, so a reader sees the old or the new one, never half. */
  private static void replace(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), ".index-", ".part");
    Files.write(partial, bytes);
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
