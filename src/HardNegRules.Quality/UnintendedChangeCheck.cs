namespace HardNegRules.Quality;

/// <summary>A negative may change its term(s) and the a/an right before them, nothing else: not casing, spacing or punctuation.</summary>
internal sealed class UnintendedChangeCheck : INegativeCheck
{
    public DefectKind Kind => DefectKind.UnintendedChange;

    public IEnumerable<string> Find(NegativeUnderCheck negative)
    {
        if (negative.Alignment.Problem is { } problem)
        {
            yield return problem;
        }
    }
}
