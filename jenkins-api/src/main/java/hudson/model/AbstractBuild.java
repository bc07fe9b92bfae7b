package hudson.model;

/** Compile-only declaration (type only). */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
    extends Run<P, R> {
  AbstractBuild() {}
}
