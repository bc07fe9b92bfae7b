package org.starlingx.stxbuild.engine.graph;

import java.util.List;

/** Source packages that build-depend on each other in a circle; the message names them. */
public final class CycleException extends RuntimeException {
  private final List<String> cycle;

  public CycleException(List<String> cycle) {
    super("build dependency cycle: " + String.join(" -> ", cycle));
    this.cycle = List.copyOf(cycle);
  }

  public List<String> cycle() {
    return cycle;
  }
}
