package io.daos.dmg.model;

import java.lang.annotation.Annotation;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * An {@link Option} read from {@link CommandModel} rather than from the class file: picocli builds the option from
 * it exactly as from the annotation, without the proxy class the JDK generates for an annotation's first use.
 */
@SuppressWarnings("ClassExplicitlyAnnotation")
final class OptionData extends ArgData implements Option {
  OptionData(AnnotationValues v) {
    super(v);
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return Option.class;
  }

  @Override
  public String[] names() {
    return v.get("names");
  }

  @Override
  public boolean required() {
    return v.get("required");
  }

  @Override
  public boolean help() {
    return v.get("help");
  }

  @Override
  public boolean usageHelp() {
    return v.get("usageHelp");
  }

  @Override
  public boolean versionHelp() {
    return v.get("versionHelp");
  }

  @Override
  public int order() {
    return v.get("order");
  }

  @Override
  public boolean negatable() {
    return v.get("negatable");
  }

  @Override
  public String fallbackValue() {
    return v.get("fallbackValue");
  }

  @Override
  public String toString() {
    return "@" + CommandLine.Option.class.getName() + v.names();
  }
}
