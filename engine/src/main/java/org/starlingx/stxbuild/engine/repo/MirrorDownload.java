package org.starlingx.stxbuild.engine.repo;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A 3rd-party file a source tree needs, as its metadata names it: where it comes from and the
 * checksum it must have.
 *
 * @param fileName the name it is stored and served under, for example {@code foo-1.0.tar.gz}
 * @param url where the upstream serves it
 * @param algorithm {@code sha256} or {@code md5}
 * @param checksum the expected digest, lower-case hex
 */
public record MirrorDownload(String fileName, URI url, String algorithm, String checksum) {
  // '%' and ':' appear in real StarlingX names (resource-agents-debian-1%254.7.0-1.tar.gz: an
  // epoch URL-encoded); no '/' and no leading dot, so a name never leaves its directory
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+~%:-]{0,254}");

  public MirrorDownload {
    if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException(
          "invalid download file name '"
              + fileName
              + "': expected a plain file name of letters, digits, '.', '_', '+', '~', '%', ':' or '-'");
    }
    algorithm = algorithm == null ? null : algorithm.toLowerCase(Locale.ROOT);
    int length =
        switch (algorithm == null ? "" : algorithm) {
          case "sha256" -> 64;
          case "md5" -> 32;
          default ->
              throw new IllegalArgumentException(
                  "checksum algorithm '"
                      + algorithm
                      + "' of "
                      + fileName
                      + ": expected sha256 or md5");
        };
    if (checksum == null
        || !checksum.toLowerCase(Locale.ROOT).matches("[0-9a-f]{" + length + "}")) {
      throw new IllegalArgumentException(
          algorithm
              + " of "
              + fileName
              + " is '"
              + checksum
              + "': expected "
              + length
              + " hex digits");
    }
    checksum = checksum.toLowerCase(Locale.ROOT);
  }

  /** Whether these digests match the expected checksum. */
  public boolean matches(FileDigests digests) {
    return checksum.equals("sha256".equals(algorithm) ? digests.sha256() : digests.md5());
  }
}
