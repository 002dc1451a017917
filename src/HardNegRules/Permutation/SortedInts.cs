using System.Runtime.CompilerServices;

namespace HardNegRules.Permutation;

/// <summary>
/// Searches in the short int lists of the hot path (a term's exclusions and listed targets, a caption's used targets).
/// Plain loops compiled optimized at once: the generic span helpers they replace start at the runtime's quick tier and
/// showed in profiles there, and cost a comparer call per step besides.
/// </summary>
internal static class SortedInts
{
    /// <summary>Whether the ascending <paramref name="values"/> hold <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Contains(int[] values, int value)
    {
        int lo = 0;
        int hi = values.Length - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            int v = values[mid];
            if (v == value)
            {
                return true;
            }

            if (v < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="values"/> (in any order) hold <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AnyEqual<T>(ReadOnlySpan<T> values, T value)
        where T : struct, IEquatable<T>
    {
        foreach (T v in values)
        {
            if (v.Equals(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sorts a few values ascending (insertion sort: the lists hold a caption's handful of terms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(Span<int> values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            int value = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > value)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = value;
        }
    }
}
