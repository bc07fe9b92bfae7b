package org.starlingx.stxbuild.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.files.FileTrees;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.wheels.BaseWheels;
import org.starlingx.stxbuild.engine.wheels.WheelSource;
import org.starlingx.stxbuild.engine.wheels.WheelsTarball;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build wheels}: StarlingX's wheels tarball, base wheels included. */
@Command(
    name = "wheels",
    mixinStandardHelpOptions = true,
    description = {
      "Builds stx-<dist>-<stream>-wheels.tar as StarlingX's build-base-wheels.sh, get-stx-wheels"
          + " and build-wheel-tarball.sh do: the base wheels of the tree's"
          + " build-tools/build-wheels/debian-<dist>/<stream>-wheels.cfg (pypi entries fetched,"
          + " tar/zip sources built with Debian's pip, through the mirror directory), and the"
          + " .whl files of the packages the debian_<stream>_wheels.inc lists name, taken from the"
          + " branch's last good build."
    })
final class WheelsCommand implements Callable<Integer> {
  @Mixin ScopeOptions scope;
  @Mixin TreeOptions treeOptions;
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--output",
      defaultValue = "build-output/wheels",
      description = "Where the tarball goes (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() throws Exception {
    ScopeNames names = scope.names();
    StxSourceTree tree = treeOptions.open();
    Files.createDirectories(output);
    List<Path> base = List.of();
    Path list = BaseWheels.listOf(tree.root(), treeOptions.codename(), "stable");
    int exit = 0;
    Path work = Files.createTempDirectory("stx-wheels");
    try {
      if (list != null) {
        BaseWheels.Result built =
            new BaseWheels(treeOptions.mirror, treeOptions.rewrites)
                .build(WheelSource.read(list), work, output.resolve("base"));
        base = built.wheels();
        System.out.println("base wheels: " + base.size() + " of " + list);
        for (String missing : built.notBuilt()) {
          System.out.println("  not built: " + missing);
          exit = 3;
        }
      }
      AptSource source = repository.lastGoodBuild(names.line(), "the wheels packages come from it");
      WheelsTarball.Result tarball =
          WheelsTarball.fromRepository(tree, source, base, treeOptions.codename(), work, output);
      System.out.println(
          tarball.tarball().toAbsolutePath() + ": " + String.join(", ", tarball.wheels()));
    } finally {
      FileTrees.delete(work);
    }
    return exit;
  }
}
