package org.starlingx.stxbuild.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelationTest {
  @Test
  void versionsAlternativesArchitecturesAndProfiles() {
    List<Relation> relations =
        Relation.parseList(
            "debhelper-compat (= 13), libfoo-dev (>= 1.2~rc1) [amd64 arm64] | libbar-dev:native,\n"
                + " python3:any, check <!nocheck>, ${misc:Depends}, win32-only [!amd64]",
            "control: Build-Depends");
    assertThat(relations).hasSize(5);
    Relation.Alternative foo = relations.get(1).alternatives().get(0);
    assertThat(foo.name()).isEqualTo("libfoo-dev");
    assertThat(foo.operator()).isEqualTo(">=");
    assertThat(foo.version()).isEqualTo("1.2~rc1");
    assertThat(foo.appliesTo("amd64")).isTrue();
    assertThat(foo.appliesTo("i386")).isFalse();
    assertThat(relations.get(1).alternatives().get(1).qualifier()).isEqualTo("native");
    assertThat(relations.get(2).alternatives().get(0).name()).isEqualTo("python3");
    assertThat(relations.get(3).alternatives().get(0).appliesTo("amd64")).isTrue();
    assertThat(relations.get(4).alternatives().get(0).appliesTo("amd64")).isFalse();
  }

  @Test
  void garbageIsNamedWithWhereItWas() {
    assertThatThrownBy(
            () -> Relation.parseList("good, (>= 1) oops", "p/debian/control: Build-Depends"))
        .hasMessageContaining("p/debian/control: Build-Depends")
        .hasMessageContaining("'(>= 1) oops'");
  }
}
