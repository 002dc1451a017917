using System.Runtime.CompilerServices;

namespace HardNegRules.Negatives;

/// <summary>
/// The casing a replacement takes from the text it replaces ("Red" -> "Blue", "RED" -> "BLUE"): the <c>to</c> of a
/// negative's provenance, written here without a string per negative. It must agree with the permuter's own writing of
/// the negative's text; the output tests compare the two over real captions.
/// </summary>
internal static class ReplacementCasing
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CopyCased(ReadOnlySpan<char> original, ReadOnlySpan<char> replacement, Span<char> destination)
    {
        replacement.CopyTo(destination);
        int letters = 0;
        int upper = 0;
        foreach (char c in original)
        {
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
        }

        if (letters >= 2 && upper == letters)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = char.ToUpperInvariant(destination[i]);
            }
        }
        else if (original.Length > 0 && char.IsUpper(original[0]) && destination.Length > 0)
        {
            destination[0] = char.ToUpperInvariant(destination[0]);
        }
    }
}
