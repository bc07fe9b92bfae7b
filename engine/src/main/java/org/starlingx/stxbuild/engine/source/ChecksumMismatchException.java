package org.starlingx.stxbuild.engine.source;

import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/** A download whose content is not what its metadata says; it was not stored. */
public final class ChecksumMismatchException extends RuntimeException {
  public ChecksumMismatchException(MirrorDownload download, String actual) {
    super(
        download.fileName()
            + " from "
            + download.url()
            + ": "
            + download.algorithm()
            + " is "
            + actual
            + ", expected "
            + download.checksum()
            + "; the file was not kept");
  }
}
