package hudson.model;

/** Compile-only declaration (type only). */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    implements Item {
  Job() {}
}
