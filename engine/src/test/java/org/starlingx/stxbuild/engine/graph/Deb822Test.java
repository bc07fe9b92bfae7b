package org.starlingx.stxbuild.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deb822 as Debian serves it: .dsc files are clearsigned. */
class Deb822Test {
  @TempDir Path work;

  /** The shape of lsb_11.6.dsc as deb.debian.org serves it (signature shortened). */
  private static final String SIGNED_DSC =
      """
      -----BEGIN PGP SIGNED MESSAGE-----
      Hash: SHA512

      Format: 3.0 (native)
      Source: lsb
      Binary: lsb-base
      Architecture: all
      Version: 11.6
      Build-Depends: debhelper-compat (= 13)
      Checksums-Sha256:
       3030d688a4726ecfd1d2ebb018167a5662608e70362e72188bb6f1aefadb13c1 39012 lsb_11.6.tar.xz
      Files:
       cb0ff260241eefd11429c1d8069cf497 39012 lsb_11.6.tar.xz

      -----BEGIN PGP SIGNATURE-----

      iQIzBAEBCgAdFiEEkjZVexcMh/iCHArDweDZLphvfH4FAmPf5K4ACgkQweDZLphv
      fH73SQ//bXR9g/4HANKQm8cNYGeZmRalqWYPHA8m3njS4dJ6oxtmzwPHM7OMH4jI
      =ELuz
      -----END PGP SIGNATURE-----
      """;

  @Test
  void aClearsignedDscIsReadWithoutItsSignature() throws Exception {
    Path dsc = Files.writeString(work.resolve("lsb_11.6.dsc"), SIGNED_DSC);
    assertThat(Deb822.paragraphs(SIGNED_DSC, "lsb_11.6.dsc")).hasSize(1);
    assertThat(DebControl.dscSha256(dsc))
        .containsExactly(
            java.util.Map.entry(
                "lsb_11.6.tar.xz",
                "3030d688a4726ecfd1d2ebb018167a5662608e70362e72188bb6f1aefadb13c1"));
    assertThat(DebControl.fromDsc(dsc).source()).isEqualTo("lsb");
  }

  @Test
  void dashEscapedSignedLinesAreUnescaped() {
    String text = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nSource: x\n- -Weird: y\n";
    assertThat(Deb822.paragraphs(text, "x.dsc").get(0)).containsEntry("-weird", "y");
  }
}
