package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.java.sezpoz.Indexable;

/**
 * Compile-only declaration. Meta-annotated with SezPoz {@code @Indexable} like the real one, so the
 * SezPoz annotation processor writes {@code META-INF/annotations/hudson.Extension}, the index
 * Jenkins reads to discover extensions.
 */
@Indexable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {
  double ordinal() default 0;
}
