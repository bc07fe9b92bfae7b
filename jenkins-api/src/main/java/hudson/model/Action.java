package hudson.model;

/** Compile-only declaration. */
public interface Action extends ModelObject {
  String getIconFileName();

  String getUrlName();
}
