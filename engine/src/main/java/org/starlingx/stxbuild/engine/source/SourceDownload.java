package org.starlingx.stxbuild.engine.source;

import java.net.URI;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/**
 * A file a package needs from outside the tree, with the checksum its metadata gives.
 *
 * @param download file name, URL and checksum
 * @param declaredIn the meta_data.yaml (and field) that asks for it, for error messages
 */
public record SourceDownload(MirrorDownload download, String declaredIn) {
  public String fileName() {
    return download.fileName();
  }

  public URI url() {
    return download.url();
  }
}
