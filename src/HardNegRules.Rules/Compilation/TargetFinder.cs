using HardNegRules.Rules.Model;

namespace HardNegRules.Rules.Compilation;

/// <summary>
/// The terms that may replace a term, kept small: a pool (a range of terms: the whole concept, or the term's category)
/// minus a few excluded terms (itself, its synonyms, its never-swap partners), plus terms listed one by one (opposites).
/// Listing every target of every term would grow with the square of the vocabulary.
/// </summary>
internal sealed class TargetSet(IReadOnlyList<int> listed, int poolStart, int poolEnd, IReadOnlyList<int> excluded, int count)
{
    public static readonly TargetSet None = new(Array.Empty<int>(), 0, 0, Array.Empty<int>(), 0);

    /// <summary>Targets listed one by one, ascending.</summary>
    public IReadOnlyList<int> Listed { get; } = listed;

    /// <summary>The first term of the pool.</summary>
    public int PoolStart { get; } = poolStart;

    /// <summary>The end of the pool (exclusive); equal to <see cref="PoolStart"/> when there is no pool.</summary>
    public int PoolEnd { get; } = poolEnd;

    /// <summary>Terms of the pool that are not targets, ascending.</summary>
    public IReadOnlyList<int> Excluded { get; } = excluded;

    /// <summary>The number of targets with a positive weight.</summary>
    public int Count { get; } = count;

    /// <summary>Every target, ascending (for narrowed reuse and for tests; grows with the pool).</summary>
    public IEnumerable<int> All()
    {
        var excluded = new HashSet<int>(Excluded);
        return Listed.Concat(Enumerable.Range(PoolStart, PoolEnd - PoolStart).Where(t => !excluded.Contains(t))).OrderBy(t => t);
    }
}

/// <summary>Works out the <see cref="TargetSet"/> of each term of one concept, in time near linear in its terms.</summary>
internal sealed class TargetFinder
{
    private readonly SwapPolicy _policy;
    private readonly List<CheckedTerm> _terms;
    private readonly int[] _synonymGroup;
    private readonly Dictionary<int, List<int>> _groupMembers = new();
    private readonly Dictionary<int, HashSet<int>> _neverSwap = new();
    private readonly Dictionary<int, List<int>> _opposites = new();
    private readonly int[] _categoryStart;
    private readonly int[] _categoryEnd;
    private readonly int[] _weighted;

    public TargetFinder(SwapPolicy policy, List<CheckedTerm> terms, int[] synonymGroup, List<int[]> neverSwap, List<(int A, int B)> opposites)
    {
        _policy = policy;
        _terms = terms;
        _synonymGroup = synonymGroup;
        for (int i = 0; i < terms.Count; i++)
        {
            if (synonymGroup[i] >= 0)
            {
                Add(_groupMembers, synonymGroup[i], i);
            }
        }

        foreach (int[] group in neverSwap)
        {
            foreach (int a in group)
            {
                if (!_neverSwap.TryGetValue(a, out HashSet<int>? partners))
                {
                    _neverSwap[a] = partners = new HashSet<int>();
                }

                partners.UnionWith(group);
            }
        }

        // Opposites hold between synonym groups: big <-> small makes large <-> little too.
        foreach ((int a, int b) in opposites)
        {
            foreach (int x in Group(a))
            {
                foreach (int y in Group(b))
                {
                    Add(_opposites, x, y);
                    Add(_opposites, y, x);
                }
            }
        }

        // Prefix counts of terms with a positive weight, and each term's category as a range when its terms are
        // contiguous (categories: lists them so); a category split over the file falls back to a listed set.
        _weighted = new int[terms.Count + 1];
        for (int i = 0; i < terms.Count; i++)
        {
            _weighted[i + 1] = _weighted[i] + (terms[i].Definition.Weight > 0 ? 1 : 0);
        }

        _categoryStart = new int[terms.Count];
        _categoryEnd = new int[terms.Count];
        var runs = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < terms.Count; i++)
        {
            if (terms[i].Definition.Category is { } category && (i == 0 || terms[i - 1].Definition.Category != category))
            {
                runs[category] = runs.TryGetValue(category, out int n) ? n + 1 : 1;
            }
        }

        for (int start = 0; start < terms.Count;)
        {
            string? category = terms[start].Definition.Category;
            int end = start + 1;
            while (end < terms.Count && terms[end].Definition.Category == category)
            {
                end++;
            }

            bool contiguous = category is not null && runs[category] == 1;
            for (int i = start; i < end; i++)
            {
                _categoryStart[i] = contiguous ? start : -1;
                _categoryEnd[i] = contiguous ? end : -1;
            }

            start = end;
        }
    }

    public TargetSet Of(int term)
    {
        switch (_policy)
        {
            case SwapPolicy.Any:
                return Pool(term, 0, _terms.Count);
            case SwapPolicy.SameCategory when _terms[term].Definition.Category is null:
                return TargetSet.None;
            case SwapPolicy.SameCategory when _categoryStart[term] >= 0:
                return Pool(term, _categoryStart[term], _categoryEnd[term]);
            case SwapPolicy.SameCategory:
                string category = _terms[term].Definition.Category!;
                return Listed(term, Enumerable.Range(0, _terms.Count).Where(i => _terms[i].Definition.Category == category));
            default:
                return Listed(term, _opposites.TryGetValue(term, out List<int>? opposite) ? opposite : Enumerable.Empty<int>());
        }
    }

    private TargetSet Pool(int term, int start, int end)
    {
        var excluded = new SortedSet<int>(Unwanted(term).Where(t => t >= start && t < end));
        int count = _weighted[end] - _weighted[start] - excluded.Count(t => _terms[t].Definition.Weight > 0);
        return new TargetSet(Array.Empty<int>(), start, end, excluded.ToArray(), count);
    }

    private TargetSet Listed(int term, IEnumerable<int> candidates)
    {
        var unwanted = new HashSet<int>(Unwanted(term));
        int[] listed = candidates.Where(t => !unwanted.Contains(t) && _terms[t].Definition.Weight > 0).Distinct().OrderBy(t => t).ToArray();
        return new TargetSet(listed, 0, 0, Array.Empty<int>(), listed.Length);
    }

    // The term itself, its synonyms and its never-swap partners.
    private IEnumerable<int> Unwanted(int term)
    {
        IEnumerable<int> unwanted = Group(term);
        return _neverSwap.TryGetValue(term, out HashSet<int>? partners) ? unwanted.Concat(partners) : unwanted;
    }

    private IReadOnlyList<int> Group(int term) =>
        _synonymGroup[term] >= 0 ? _groupMembers[_synonymGroup[term]] : new[] { term };

    private static void Add(Dictionary<int, List<int>> map, int key, int value)
    {
        if (!map.TryGetValue(key, out List<int>? list))
        {
            map[key] = list = new List<int>();
        }

        list.Add(value);
    }
}
