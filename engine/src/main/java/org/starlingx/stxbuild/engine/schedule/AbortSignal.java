package org.starlingx.stxbuild.engine.schedule;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set once when a build is aborted; workers check it and stop what they run. */
public final class AbortSignal {
  private final AtomicBoolean aborted = new AtomicBoolean();

  public void abort() {
    aborted.set(true);
  }

  public boolean aborted() {
    return aborted.get();
  }
}
