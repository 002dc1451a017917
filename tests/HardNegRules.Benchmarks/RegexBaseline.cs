using System.Text;
using System.Text.RegularExpressions;
using HardNegRules.Rules.Compilation;

namespace HardNegRules.Benchmarks;

/// <summary>
/// The baseline written the obvious way: one compiled, case-insensitive <see cref="Regex"/> alternating every term text of
/// a pack (longest first) between word boundaries. A negative replaces a random match by a random other term of its
/// concept. No blocked phrases, context conditions, weights, casing or article repair: it does less than the permuters.
/// </summary>
/// <remarks>
/// <see cref="AlternationOrder.LongestFirst"/> is the obvious order. <see cref="AlternationOrder.ReverseOrdinal"/> finds the
/// same matches (every text that extends another comes before it, so the longest text at a position still wins) but keeps
/// texts with a common prefix next to each other, which lets the regex compiler merge their prefixes into a tree.
/// </remarks>
public sealed class RegexBaseline
{
    private readonly Dictionary<string, (int Term, int Form)> _texts;
    private readonly Dictionary<string, (int Term, int Form)>.AlternateLookup<ReadOnlySpan<char>> _spanTexts;
    private readonly int[] _termConcept;
    private readonly string?[][] _termForms;
    private readonly int[][] _conceptTerms;
    private readonly Random _random;

    /// <summary>Builds the regex from a compiled pack's entries that name a term.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="seed">The seed of the baseline's random choices.</param>
    /// <param name="order">The order of the alternation's branches.</param>
    public RegexBaseline(CompiledPack pack, int seed, AlternationOrder order = AlternationOrder.LongestFirst)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _texts = new Dictionary<string, (int, int)>(StringComparer.OrdinalIgnoreCase);
        foreach (CompiledEntry entry in pack.Entries)
        {
            if (entry.Term >= 0)
            {
                _texts.TryAdd(entry.Text, (entry.Term, entry.Form));
            }
        }

        _spanTexts = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        var pattern = new StringBuilder(@"\b(?:");
        bool first = true;
        IEnumerable<string> texts = order == AlternationOrder.LongestFirst
            ? _texts.Keys.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal)
            : _texts.Keys.OrderDescending(StringComparer.Ordinal);
        foreach (string text in texts)
        {
            pattern.Append(first ? string.Empty : "|").Append(Regex.Escape(text));
            first = false;
        }

        pattern.Append(@")\b");
        Pattern = pattern.ToString();
        Regex = new Regex(Pattern, RegexOptions.Compiled | RegexOptions.IgnoreCase);
        TermTexts = _texts.Count;

        _termConcept = [.. pack.Terms.Select(t => t.Concept)];
        _termForms = [.. pack.Terms.Select(t => t.Forms.ToArray())];
        _conceptTerms = [.. Enumerable.Range(0, pack.Concepts.Count).Select(c => Enumerable.Range(0, pack.Terms.Count).Where(t => _termConcept[t] == c).ToArray())];
        _random = new Random(seed);
    }

    /// <summary>The regex source.</summary>
    public string Pattern { get; }

    /// <summary>The compiled regex.</summary>
    public Regex Regex { get; }

    /// <summary>How many distinct term texts the regex alternates.</summary>
    public int TermTexts { get; }

    /// <summary>Detection: how many term texts the caption contains (no allocation: EnumerateMatches).</summary>
    /// <param name="caption">The caption.</param>
    /// <returns>The number of matches.</returns>
    public int Count(ReadOnlySpan<char> caption) => Regex.Count(caption);

    /// <summary>One negative into a caller buffer without allocating; its length, or 0 when the caption has no term.</summary>
    /// <param name="caption">The caption.</param>
    /// <param name="destination">Receives the negative.</param>
    /// <returns>The negative's length; 0 when none.</returns>
    public int Permute(ReadOnlySpan<char> caption, Span<char> destination)
    {
        int count = 0;
        foreach (ValueMatch _ in Regex.EnumerateMatches(caption))
        {
            count++;
        }

        if (count == 0)
        {
            return 0;
        }

        int pick = _random.Next(count);
        foreach (ValueMatch match in Regex.EnumerateMatches(caption))
        {
            if (pick-- > 0)
            {
                continue;
            }

            ReadOnlySpan<char> text = caption.Slice(match.Index, match.Length);
            if (!_spanTexts.TryGetValue(text, out (int Term, int Form) found))
            {
                return 0;
            }

            string? replacement = Replacement(found.Term, found.Form);
            if (replacement is null)
            {
                return 0;
            }

            int length = caption.Length - match.Length + replacement.Length;
            if (length > destination.Length)
            {
                return 0;
            }

            caption[..match.Index].CopyTo(destination);
            replacement.CopyTo(destination[match.Index..]);
            caption[(match.Index + match.Length)..].CopyTo(destination[(match.Index + replacement.Length)..]);
            return length;
        }

        return 0;
    }

    /// <summary>One negative as a string the obvious way (Matches, a random Match, string.Concat); null when none.</summary>
    /// <param name="caption">The caption.</param>
    /// <returns>The negative, or null.</returns>
    public string? Permute(string caption)
    {
        MatchCollection matches = Regex.Matches(caption);
        if (matches.Count == 0)
        {
            return null;
        }

        Match match = matches[_random.Next(matches.Count)];
        if (!_texts.TryGetValue(match.Value, out (int Term, int Form) found) || Replacement(found.Term, found.Form) is not { } replacement)
        {
            return null;
        }

        return string.Concat(caption.AsSpan(0, match.Index), replacement, caption.AsSpan(match.Index + match.Length));
    }

    // A random other term of the same concept, in the matched form when it has one, else its base form.
    private string? Replacement(int term, int form)
    {
        int[] candidates = _conceptTerms[_termConcept[term]];
        if (candidates.Length < 2)
        {
            return null;
        }

        int to = candidates[_random.Next(candidates.Length - 1)];
        if (to == term)
        {
            to = candidates[^1];
        }

        string?[] forms = _termForms[to];
        return (form < forms.Length ? forms[form] : null) ?? forms[0];
    }
}

/// <summary>The order of the baseline regex's alternation.</summary>
public enum AlternationOrder
{
    /// <summary>Longest text first: the obvious way to make the longest text win.</summary>
    LongestFirst,

    /// <summary>Reverse ordinal order: the same matches, with common prefixes adjacent.</summary>
    ReverseOrdinal,
}
