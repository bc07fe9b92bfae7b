package org.starlingx.stxbuild.engine.chroot;

/** A chroot could not be made or used; the message names the chroot and the reason. */
public final class ChrootException extends RuntimeException {
  public ChrootException(String message) {
    super(message);
  }
}
