package io.daos.dmg.model;

import java.lang.annotation.Annotation;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** A {@link Parameters} read from {@link CommandModel}, as {@link OptionData} is for options. */
@SuppressWarnings("ClassExplicitlyAnnotation")
final class ParametersData implements Parameters {
  private final AnnotationValues v;

  ParametersData(AnnotationValues v) {
    this.v = v;
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
  public String[] description() {
    return v.get("description");
  }

  @Override
  public String arity() {
    return v.get("arity");
  }

  @Override
  public String paramLabel() {
    return v.get("paramLabel");
  }

  @Override
  public boolean hideParamSyntax() {
    return v.get("hideParamSyntax");
  }

  @Override
  public Class<?>[] type() {
    return v.get("type");
  }

  @Override
  public Class<? extends ITypeConverter<?>>[] converter() {
    return v.get("converter");
  }

  @Override
  public String split() {
    return v.get("split");
  }

  @Override
  public String splitSynopsisLabel() {
    return v.get("splitSynopsisLabel");
  }

  @Override
  public boolean hidden() {
    return v.get("hidden");
  }

  @Override
  public String defaultValue() {
    return v.get("defaultValue");
  }

  @Override
  public Visibility showDefaultValue() {
    return v.get("showDefaultValue");
  }

  @Override
  public Class<? extends Iterable<String>> completionCandidates() {
    return v.get("completionCandidates");
  }

  @Override
  public boolean interactive() {
    return v.get("interactive");
  }

  @Override
  public boolean echo() {
    return v.get("echo");
  }

  @Override
  public String prompt() {
    return v.get("prompt");
  }

  @Override
  public String descriptionKey() {
    return v.get("descriptionKey");
  }

  @Override
  public ScopeType scope() {
    return v.get("scope");
  }

  @Override
  public Class<? extends IParameterConsumer> parameterConsumer() {
    return v.get("parameterConsumer");
  }

  @Override
  public String mapFallbackValue() {
    return v.get("mapFallbackValue");
  }

  @Override
  public Class<? extends IParameterPreprocessor> preprocessor() {
    return v.get("preprocessor");
  }

  @Override
  public String toString() {
    return "@" + Parameters.class.getName() + v.names();
  }
}
