package hudson.model;

/** Compile-only declaration (type only). */
public abstract class AbstractProject<
        P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
    extends Job<P, R> {
  AbstractProject() {}
}
