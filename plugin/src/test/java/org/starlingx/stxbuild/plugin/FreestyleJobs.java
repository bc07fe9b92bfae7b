package org.starlingx.stxbuild.plugin;

import java.util.List;

/**
 * A freestyle job's worth of StarlingX builders, every kind once, with fields off their defaults.
 */
final class FreestyleJobs {
  private FreestyleJobs() {}

  static List<StxCliBuilder> everyBuilder() {
    StxBuildIsoBuilder iso = new StxBuildIsoBuilder();
    iso.setOutput("stx-test.iso");
    iso.setSigningKeyCredentialsId("signing-key");
    iso.setSigningKeyId("ABCDEF0123456789");
    StxDailyBuildBuilder daily = new StxDailyBuildBuilder();
    daily.setSigningKeyCredentialsId("signing-key");
    daily.setSigningKeyId("ABCDEF0123456789");
    return List.of(
        new StxDownloadBuilder(),
        new StxBuildPackagesBuilder(),
        iso,
        new StxBuildWheelsBuilder(),
        new StxBuildImagesBuilder(),
        new StxBuildHelmChartsBuilder(),
        new StxPublishBuilder("r1"),
        daily);
  }
}
