package io.daos.dmg.model;

import java.lang.annotation.Annotation;
import picocli.CommandLine;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * An {@link Option} read from {@link CommandModel} rather than from the class file: picocli builds the option from
 * it exactly as from the annotation, without the proxy class the JDK generates for an annotation's first use.
 */
@SuppressWarnings("ClassExplicitlyAnnotation")
final class OptionData implements Option {
  private final AnnotationValues v;

  OptionData(AnnotationValues v) {
    this.v = v;
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
  public int order() {
    return v.get("order");
  }

  @Override
  public boolean negatable() {
    return v.get("negatable");
  }

  @Override
  public ScopeType scope() {
    return v.get("scope");
  }

  @Override
  public String fallbackValue() {
    return v.get("fallbackValue");
  }

  @Override
  public String mapFallbackValue() {
    return v.get("mapFallbackValue");
  }

  @Override
  public Class<? extends IParameterConsumer> parameterConsumer() {
    return v.get("parameterConsumer");
  }

  @Override
  public Class<? extends IParameterPreprocessor> preprocessor() {
    return v.get("preprocessor");
  }

  @Override
  public String toString() {
    return "@" + CommandLine.Option.class.getName() + v.names();
  }
}
