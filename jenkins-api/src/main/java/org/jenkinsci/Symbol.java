package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-only declaration. The real one is meta-annotated with annotation-indexer's
 * {@code @Indexed}, which is not available here: a plugin compiled against this declaration gets no
 * {@code META-INF/services/annotations/org.jenkinsci.Symbol} index and must ship it as a resource.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
  String[] value();
}
