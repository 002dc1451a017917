namespace HardNegRules.Rules.Text;

/// <summary>
/// The known name nearest to a misspelled one, for "did you mean" hints: a rule file's unknown key, the command line's
/// unknown option or command.
/// </summary>
public static class NearestName
{
    /// <summary>The known name closest to <paramref name="typed"/>, if it is within <paramref name="maxDistance"/> edits.</summary>
    /// <param name="typed">What was written.</param>
    /// <param name="known">The names that exist.</param>
    /// <param name="maxDistance">The most edits a typo may need.</param>
    /// <returns>The nearest name (the first of equals), or null when none is close enough.</returns>
    public static string? Find(string typed, IEnumerable<string> known, int maxDistance)
    {
        if (typed is null)
        {
            throw new ArgumentNullException(nameof(typed));
        }

        if (known is null)
        {
            throw new ArgumentNullException(nameof(known));
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in known)
        {
            int distance = Distance(typed, name);
            if (distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }

        return bestDistance <= maxDistance ? best : null;
    }

    /// <summary>
    /// Damerau-Levenshtein distance, ignoring case (optimal string alignment: a swap of two neighbours is one edit).
    /// </summary>
    /// <param name="a">One string.</param>
    /// <param name="b">The other.</param>
    /// <returns>The number of edits.</returns>
    public static int Distance(string a, string b)
    {
        if (a is null)
        {
            throw new ArgumentNullException(nameof(a));
        }

        if (b is null)
        {
            throw new ArgumentNullException(nameof(b));
        }

        // Three rows of the edit table: the one before the previous is what a swap of neighbours looks back to.
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }

    private static bool Same(char x, char y) => char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
