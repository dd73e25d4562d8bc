package io.daos.dmg.model;

import java.lang.annotation.Annotation;
import picocli.CommandLine.Mixin;

/** A {@link Mixin} read from {@link CommandModel}. */
@SuppressWarnings("ClassExplicitlyAnnotation")
record MixinData(String name) implements Mixin {
  @Override
  public Class<? extends Annotation> annotationType() {
    return Mixin.class;
  }
}
