package org.starlingx.stxbuild.engine.repo.local;

/**
 * A package in the local repository's pool.
 *
 * @param name Debian package name
 * @param version Debian version
 * @param architecture Debian architecture or {@code all}
 * @param poolPath path of the {@code .deb} relative to the repository root
 * @param sha256 the file's sha256, its identity in the pool
 * @param control the package's control paragraph as {@code dpkg-deb --field} prints it
 * @param indexFields the lines an apt index adds: Filename, Size and the digests
 */
public record LocalPackage(
    String name,
    String version,
    String architecture,
    String poolPath,
    String sha256,
    String control,
    String indexFields) {

  /** Packages with the same key replace each other in one suite, as in Debian's archive. */
  public String key() {
    return name + "_" + version + "_" + architecture;
  }

  /** This package's paragraph in a {@code Packages} index. */
  public String paragraph() {
    return control.strip() + "\n" + indexFields.strip() + "\n";
  }
}
