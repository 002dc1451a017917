namespace HardNegRules;

/// <summary>Masks that select concepts by their index in <see cref="IPermuter.Concepts"/>.</summary>
public static class ConceptMask
{
    /// <summary>Every concept.</summary>
    public const ulong All = ulong.MaxValue;

    /// <summary>The mask of the named concepts of <paramref name="permuter"/>.</summary>
    /// <param name="permuter">The permuter whose concepts are named.</param>
    /// <param name="concepts">Concept names; null or empty selects all.</param>
    /// <returns>The mask.</returns>
    /// <exception cref="ArgumentException">A name is not a concept of the permuter's pack.</exception>
    public static ulong Of(IPermuter permuter, IEnumerable<string>? concepts)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        if (concepts is null)
        {
            return All;
        }

        ulong mask = 0;
        bool any = false;
        foreach (string name in concepts)
        {
            any = true;
            int index = IndexOf(permuter.Concepts, name);
            if (index < 0)
            {
                throw new ArgumentException(
                    $"'{name}' is not a concept of pack '{permuter.Pack}'; its concepts are: {string.Join(", ", permuter.Concepts)}.",
                    nameof(concepts));
            }

            mask |= 1UL << index;
        }

        return any ? mask : All;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
