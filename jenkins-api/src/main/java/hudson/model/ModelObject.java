package hudson.model;

/** Compile-only declaration. */
public interface ModelObject {
  String getDisplayName();
}
