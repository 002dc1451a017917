namespace HardNegRules.Rules.Diagnostics;

/// <summary>How serious a rule diagnostic is.</summary>
public enum RuleSeverity
{
    /// <summary>The rules still compile; something is probably not what the author meant.</summary>
    Warning,

    /// <summary>The rules do not compile.</summary>
    Error,
}

/// <summary>A mistake found in a rule file, at its place, with a message that says how to fix it.</summary>
/// <param name="Id">The stable id (HNR001, ...).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Span">Where it is.</param>
public sealed record RuleDiagnostic(string Id, RuleSeverity Severity, string Message, SourceSpan Span)
{
    /// <summary>The diagnostic as compilers print it: <c>path(line,col): error HNR001: message</c>.</summary>
    /// <returns>The formatted diagnostic.</returns>
    public override string ToString() =>
        $"{Span.Path}({Span.Line},{Span.Column}): {(Severity == RuleSeverity.Error ? "error" : "warning")} {Id}: {Message}";
}
