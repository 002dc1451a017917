using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Generators;

/// <summary>A rule file's text as the pipeline sees it; a value type so unchanged files are cache hits.</summary>
internal sealed record RuleFileText(string Path, string Pack, string Text);

/// <summary>A rule diagnostic reduced to values, so pipeline outputs compare by value.</summary>
internal sealed record DiagnosticInfo(string Id, bool IsError, string Message, string Path, int Offset, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public static DiagnosticInfo From(RuleDiagnostic d) =>
        new(d.Id, d.Severity == RuleSeverity.Error, d.Message, d.Span.Path, d.Span.Offset, d.Span.Length, d.Span.Line, d.Span.Column, d.Span.EndLine, d.Span.EndColumn);
}

/// <summary>One output of the generator: a source file or a diagnostic.</summary>
internal sealed record GeneratorOutput(string? HintName, string? Source, DiagnosticInfo? Diagnostic);
