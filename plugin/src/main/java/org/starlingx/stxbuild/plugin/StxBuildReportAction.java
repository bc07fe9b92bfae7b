package org.starlingx.stxbuild.plugin;

import hudson.model.Run;
import jenkins.model.RunAction2;
import org.starlingx.stxbuild.engine.packagebuild.ReportLink;

/**
 * The package build's report on the Jenkins build page: its summary line (summary.jelly) and a link
 * in the side panel to the report where the build published it (Pulp's content app). A report that
 * stayed on the node ({@code file:}) is named, not linked: a browser does not follow a file link
 * from a web page.
 */
public class StxBuildReportAction implements RunAction2 {
  private final String summary;
  private final String report;
  private final boolean succeeded;
  private transient Run<?, ?> run;

  public StxBuildReportAction(ReportLink link) {
    this.summary = link.summary();
    this.report = link.report();
    this.succeeded = link.succeeded();
  }

  /** The file a command names in {@code STX_REPORT_LINK}, inside its control directory. */
  static final String LINK_FILE = "report-link.properties";

  /**
   * Shows the report a command wrote the link of to {@code file}, if it wrote one; a later report
   * of the same build (a second package build) replaces the earlier one.
   */
  static void attachIfWritten(Run<?, ?> run, hudson.FilePath file)
      throws java.io.IOException, InterruptedException {
    if (!file.exists()) {
      return;
    }
    java.util.Optional<ReportLink> link = ReportLink.parse(file.readToString());
    if (link.isEmpty()) {
      return;
    }
    StxBuildReportAction earlier = run.getAction(StxBuildReportAction.class);
    if (earlier != null) {
      run.removeAction(earlier);
    }
    run.addAction(new StxBuildReportAction(link.get()));
  }

  public String getSummary() {
    return summary;
  }

  public String getReport() {
    return report;
  }

  public boolean isSucceeded() {
    return succeeded;
  }

  /** True when the report is on a web server the build page can link to. */
  public boolean isLinkable() {
    return report.startsWith("https://") || report.startsWith("http://");
  }

  public Run<?, ?> getRun() {
    return run;
  }

  @Override
  public String getIconFileName() {
    return isLinkable() ? "document.png" : null;
  }

  @Override
  public String getDisplayName() {
    return "StarlingX build report";
  }

  /** Jenkins links an absolute URL as it is: the report stays where the build published it. */
  @Override
  public String getUrlName() {
    return isLinkable() ? report : null;
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    this.run = r;
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    this.run = r;
  }
}
