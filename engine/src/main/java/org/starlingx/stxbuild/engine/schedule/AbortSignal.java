package org.starlingx.stxbuild.engine.schedule;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Set once when a build is aborted; workers check it and stop what they run. */
public final class AbortSignal {
  private final AtomicBoolean aborted = new AtomicBoolean();
  private final AtomicReference<String> reason = new AtomicReference<>("aborted");

  public void abort() {
    aborted.set(true);
  }

  /** Aborts and says why (the first reason given wins), for the summary and report. */
  public void abort(String why) {
    reason.compareAndSet("aborted", why);
    aborted.set(true);
  }

  public boolean aborted() {
    return aborted.get();
  }

  /** Why the build was aborted ({@code aborted} when nobody said). */
  public String reason() {
    return reason.get();
  }
}
