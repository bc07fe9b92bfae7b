package org.starlingx.stxbuild.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so it always matches the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = StxBuildCommand.class.getPackage().getImplementationVersion();
    return new String[] {"stx-build " + (version == null ? "(development)" : version)};
  }
}
