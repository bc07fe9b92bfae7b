package org.starlingx.stxbuild.engine.retention;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which packages retention keeps and which it removes: every package a kept build refers to stays
 * (a build that reused a package refers to it as much as the build that made it), and only those; a
 * package only builds no longer kept refer to goes.
 *
 * @param keep packages a kept build refers to
 * @param remove packages only builds no longer kept refer to
 * @param dropped builds no longer kept, whose references go with them
 */
public record ContentSelection(Set<String> keep, Set<String> remove, List<BuildContent> dropped) {
  /** Nothing known about content: nothing kept or removed for it. */
  public static final ContentSelection NONE = new ContentSelection(Set.of(), Set.of(), List.of());

  public ContentSelection {
    keep = Set.copyOf(keep);
    remove = Set.copyOf(remove);
    dropped = List.copyOf(dropped);
  }

  /** The selection for {@code builds}: everything the store holds builds' packages in. */
  public static ContentSelection of(Collection<BuildContent> builds) {
    Set<String> keep = new HashSet<>();
    Set<String> referenced = new HashSet<>();
    List<BuildContent> dropped = new java.util.ArrayList<>();
    for (BuildContent build : builds) {
      referenced.addAll(build.content());
      if (build.kept()) {
        keep.addAll(build.content());
      } else {
        dropped.add(build);
      }
    }
    referenced.removeAll(keep);
    return new ContentSelection(keep, referenced, dropped);
  }
}
