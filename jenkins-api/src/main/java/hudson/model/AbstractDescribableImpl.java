package hudson.model;

/**
 * Compile-only declaration. Deprecated upstream since 2.505: implement {@link Describable}
 * directly. Declared because upstream types we use (Step, PodTemplate, ...) extend it.
 */
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>>
    implements Describable<T> {}
