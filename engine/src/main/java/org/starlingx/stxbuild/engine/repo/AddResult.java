package org.starlingx.stxbuild.engine.repo;

/**
 * What adding build outputs to a session did.
 *
 * @param files how many files were added
 * @param storedNew how many of them the repository did not have before
 * @param bytesProduced total size of the files added
 * @param bytesTransferred bytes actually sent to or written into the repository's store
 */
public record AddResult(int files, int storedNew, long bytesProduced, long bytesTransferred) {
  public AddResult plus(AddResult other) {
    return new AddResult(
        files + other.files,
        storedNew + other.storedNew,
        bytesProduced + other.bytesProduced,
        bytesTransferred + other.bytesTransferred);
  }
}
