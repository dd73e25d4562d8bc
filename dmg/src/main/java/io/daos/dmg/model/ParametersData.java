package io.daos.dmg.model;

import java.lang.annotation.Annotation;
import picocli.CommandLine.Parameters;

/** A {@link Parameters} read from {@link CommandModel}, as {@link OptionData} is for options. */
@SuppressWarnings("ClassExplicitlyAnnotation")
final class ParametersData extends ArgData implements Parameters {
  ParametersData(AnnotationValues v) {
    super(v);
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return Parameters.class;
  }

  @Override
  public String index() {
    return v.get("index");
  }

  @Override
  public String toString() {
    return "@" + Parameters.class.getName() + v.names();
  }
}
