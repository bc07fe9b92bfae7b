package hudson.model;

/** Compile-only declaration (type only). */
public interface ItemGroup<T extends Item> {}
