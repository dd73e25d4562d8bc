package io.daos.dmg.model;

import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ScopeType;

/**
 * The attributes {@code @Option} and {@code @Parameters} share, read from {@link CommandModel}'s values: the base
 * of {@link OptionData} and {@link ParametersData}, which implement the annotation interfaces.
 */
abstract class ArgData {
  final AnnotationValues v;

  ArgData(AnnotationValues v) {
    this.v = v;
  }

  public String[] description() {
    return v.get("description");
  }

  public String arity() {
    return v.get("arity");
  }

  public String paramLabel() {
    return v.get("paramLabel");
  }

  public boolean hideParamSyntax() {
    return v.get("hideParamSyntax");
  }

  public Class<?>[] type() {
    return v.get("type");
  }

  public Class<? extends ITypeConverter<?>>[] converter() {
    return v.get("converter");
  }

  public String split() {
    return v.get("split");
  }

  public String splitSynopsisLabel() {
    return v.get("splitSynopsisLabel");
  }

  public boolean hidden() {
    return v.get("hidden");
  }

  public String defaultValue() {
    return v.get("defaultValue");
  }

  public Visibility showDefaultValue() {
    return v.get("showDefaultValue");
  }

  public Class<? extends Iterable<String>> completionCandidates() {
    return v.get("completionCandidates");
  }

  public boolean interactive() {
    return v.get("interactive");
  }

  public boolean echo() {
    return v.get("echo");
  }

  public String prompt() {
    return v.get("prompt");
  }

  public String descriptionKey() {
    return v.get("descriptionKey");
  }

  public ScopeType scope() {
    return v.get("scope");
  }

  public String mapFallbackValue() {
    return v.get("mapFallbackValue");
  }

  public Class<? extends IParameterConsumer> parameterConsumer() {
    return v.get("parameterConsumer");
  }

  public Class<? extends IParameterPreprocessor> preprocessor() {
    return v.get("preprocessor");
  }
}
