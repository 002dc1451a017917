using System.Runtime.CompilerServices;

namespace HardNegRules.Permutation;

/// <summary>
/// A match's place in a coordination, as the scan finds it: the terms of its concept joined to it right before and
/// after (-1: none), whatever their context decides there ("cream" in "tan and cream"), the first match of its chain of
/// joined matches ("a couch, table, book shelf"), and whether a text of its concept that is no term is joined to it (a
/// blocked phrase: "off white and red" is one unit where "off white" is blocked).
/// </summary>
internal readonly record struct Partners(int Left, int Right, int Chain, bool JoinedToText = false)
{
    /// <summary>Whether the match stands in no coordination.</summary>
    public bool IsEmpty => Left < 0 && Right < 0 && !JoinedToText;
}

/// <summary>
/// The replacements a coordinated match must not take: "a black and brown dog" never becomes "a brown and brown dog",
/// "blue and yellow" never "blue and sky blue", "a couch, table, book shelf" never "a couch, table, couch". Every term
/// of the coordination (the matches of the chain and the words joined to each, matched or not) rules out itself and
/// the words it excludes from replacing it (its synonyms and never-swap partners); where targets are listed
/// (opposites), a term with the very same opposites is a synonym ("big and small" never becomes "big and large").
/// </summary>
internal readonly struct Coordination
{
    private readonly int _self;
    private readonly int _left;
    private readonly int _right;
    private readonly int _chainStart;
    private readonly int _chainEnd;

    private Coordination(int self, int left, int right, int chainStart, int chainEnd)
    {
        _self = self;
        _left = left;
        _right = right;
        _chainStart = chainStart;
        _chainEnd = chainEnd;
    }

    /// <summary>Whether nothing is ruled out.</summary>
    public bool IsEmpty => _left < 0 && _right < 0 && _chainEnd - _chainStart <= 1;

    /// <summary>The coordination of match <paramref name="m"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Coordination Of(int m, ReadOnlySpan<Partners> partners)
    {
        if (partners[m].IsEmpty)
        {
            return new Coordination(m, -1, -1, m, m + 1);
        }

        int chain = partners[m].Chain;
        int end = m + 1;
        while (end < partners.Length && partners[end].Chain == chain)
        {
            end++;
        }

        return new Coordination(m, partners[m].Left, partners[m].Right, chain, end);
    }

    /// <summary>Whether <paramref name="target"/> is ruled out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Avoids(PermuterTables tables, ReadOnlySpan<TermMatch> matches, ReadOnlySpan<Partners> partners, int target)
    {
        if (RulesOut(tables, _left, target) || RulesOut(tables, _right, target))
        {
            return true;
        }

        for (int j = _chainStart; j < _chainEnd; j++)
        {
            if (j != _self && (RulesOut(tables, matches[j].Term, target) || RulesOut(tables, partners[j].Left, target) ||
                RulesOut(tables, partners[j].Right, target)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many of <paramref name="match"/>'s writable targets are ruled out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CountRuledOut(PermuterTables tables, ReadOnlySpan<TermMatch> matches, ReadOnlySpan<Partners> partners, TermMatch match)
    {
        if (IsEmpty)
        {
            return 0;
        }

        int count = 0;
        if (!HasPool(tables, match.Term))
        {
            foreach (int t in tables.TermListed[match.Term])
            {
                count += tables.Writable(t, match.Form) && Avoids(tables, matches, partners, t) ? 1 : 0;
            }

            return count;
        }

        Span<int> candidates = stackalloc int[Capacity(tables, matches, partners)];
        int n = Collect(tables, matches, partners, candidates);
        foreach (int t in candidates[..n])
        {
            count += tables.CanReplace(match.Term, t) && tables.Writable(t, match.Form) ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// At least as many as <see cref="CountRuledOut"/> gives, without searching: the terms <see cref="Collect"/> could
    /// gather (or the listed targets).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int MostRuledOut(PermuterTables tables, ReadOnlySpan<TermMatch> matches, ReadOnlySpan<Partners> partners, TermMatch match) =>
        IsEmpty ? 0 : HasPool(tables, match.Term) ? Capacity(tables, matches, partners) : tables.TermListed[match.Term].Length;

    /// <summary>Room <see cref="Collect"/> needs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Capacity(PermuterTables tables, ReadOnlySpan<TermMatch> matches, ReadOnlySpan<Partners> partners)
    {
        int capacity = Room(tables, _left) + Room(tables, _right);
        for (int j = _chainStart; j < _chainEnd; j++)
        {
            capacity += j != _self ? Room(tables, matches[j].Term) + Room(tables, partners[j].Left) + Room(tables, partners[j].Right) : 0;
        }

        return capacity;
    }

    /// <summary>
    /// Every ruled-out term of a concept with a pool of targets, once each, into <paramref name="into"/>; the count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Collect(PermuterTables tables, ReadOnlySpan<TermMatch> matches, ReadOnlySpan<Partners> partners, Span<int> into)
    {
        int count = Add(tables, _left, into, 0);
        count = Add(tables, _right, into, count);
        for (int j = _chainStart; j < _chainEnd; j++)
        {
            if (j != _self)
            {
                count = Add(tables, matches[j].Term, into, count);
                count = Add(tables, partners[j].Left, into, count);
                count = Add(tables, partners[j].Right, into, count);
            }
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Room(PermuterTables tables, int term) => term < 0 ? 0 : 1 + Excluded(tables, term).Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Add(PermuterTables tables, int term, Span<int> into, int count)
    {
        if (term < 0)
        {
            return count;
        }

        count = AddOnce(into, count, term);
        foreach (int t in Excluded(tables, term))
        {
            count = AddOnce(into, count, t);
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddOnce(Span<int> into, int count, int term)
    {
        // A loop, not MemoryExtensions.Contains: a handful of terms, and no generic helper left at a lower tier.
        for (int i = 0; i < count; i++)
        {
            if (into[i] == term)
            {
                return count;
            }
        }

        into[count] = term;
        return count + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool RulesOut(PermuterTables tables, int term, int target) =>
        term >= 0 && (target == term || (HasPool(tables, term)
            ? SortedInts.Contains(tables.TermExcluded[term], target)
            : tables.TermListed[term].Length > 0 && tables.TermListed[term].AsSpan().SequenceEqual(tables.TermListed[target])));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasPool(PermuterTables tables, int term) => tables.TermPoolEnd[term] > tables.TermPoolStart[term];

    // The words a term keeps from replacing it (itself, its synonyms, its never-swap partners), where its tables list
    // them (concepts with a pool of targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<int> Excluded(PermuterTables tables, int term) =>
        HasPool(tables, term) ? tables.TermExcluded[term] : [];
}
