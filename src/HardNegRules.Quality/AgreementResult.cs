using System.Globalization;
using System.Text;

namespace HardNegRules.Quality;

/// <summary>Agreement with SugarCrepe for one concept.</summary>
/// <param name="Concept">The concept.</param>
/// <param name="Records">
/// Replace: one-term records whose original term, or failing that whose human replacement, is a term of this concept.
/// Swap: records the swap kind of this concept makes.
/// </param>
/// <param name="Recognised">Of those, records whose original term the rules find in the caption.</param>
/// <param name="Accepted">Of those, records whose human negative the rules can make.</param>
public sealed record ConceptAgreement(string Concept, int Records, int Recognised, int Accepted)
{
    /// <summary>The share of records whose original term is recognised.</summary>
    public double RecognisedShare => Records == 0 ? 0 : (double)Recognised / Records;

    /// <summary>The share of records whose human negative the rules can make.</summary>
    public double AcceptedShare => Records == 0 ? 0 : (double)Accepted / Records;
}

/// <summary>The agreement of a rule pack with one SugarCrepe file.</summary>
/// <param name="Kind">"replace" or "swap".</param>
/// <param name="Records">The records read.</param>
/// <param name="Unclassified">
/// Replace: records that change more than one term, or whose terms are in no concept of the pack (materials, actions).
/// Swap: records the swap kind cannot make.
/// </param>
/// <param name="ByConcept">Agreement per concept.</param>
public sealed record AgreementResult(string Kind, int Records, int Unclassified, IReadOnlyList<ConceptAgreement> ByConcept)
{
    /// <summary>The agreement as a Markdown table.</summary>
    /// <param name="title">The table's caption (the file measured).</param>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown(string title)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(c, $"{title} ({Kind}): {Records:N0} records, {Unclassified:N0} outside the pack's concepts or not one term.").AppendLine().AppendLine();
        md.AppendLine("| concept | records | term recognised | negative accepted |").AppendLine("|---|---:|---:|---:|");
        foreach (ConceptAgreement row in ByConcept.Where(r => r.Records > 0))
        {
            md.Append(c, $"| {row.Concept} | {row.Records:N0} | {row.Recognised:N0} ({row.RecognisedShare:P1}) | {row.Accepted:N0} ({row.AcceptedShare:P1}) |").AppendLine();
        }

        return md.ToString();
    }
}
