namespace HardNegRules.Quality;

/// <summary>
/// The quality report's own guess whether a word takes "an": by its first letter, corrected by spellings whose first sound
/// differs from their first letter. Written apart from the engine's article repair so that one checks the other.
/// </summary>
public static class ArticleSound
{
    // Vowel letters that start with a consonant sound: "a unicorn", "a one-way street", "a European city".
    private static readonly string[] ConsonantSounding =
    {
        "one", "once", "uni", "use", "usa", "usu", "ute", "uti", "ura", "ure", "uri", "uro", "eu", "ewe", "ufo", "u-", "ukulele",
    };

    // Consonant letters that start with a vowel sound: "an hour", "an honest man", "an x-ray".
    private static readonly string[] VowelSounding = { "hour", "honest", "honor", "honour", "heir", "x-", "f-", "l-", "m-", "n-", "s-" };

    /// <summary>Whether "an" rather than "a" goes before <paramref name="word"/>.</summary>
    /// <param name="word">The word after the article.</param>
    /// <returns>True for "an".</returns>
    public static bool TakesAn(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string lower = word.ToLowerInvariant();
        if (lower.Length == 0)
        {
            return false;
        }

        if (ConsonantSounding.Any(p => lower.StartsWith(p, StringComparison.Ordinal)))
        {
            return false;
        }

        if (VowelSounding.Any(p => lower.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }

        return "aeiou".Contains(lower[0], StringComparison.Ordinal);
    }
}
