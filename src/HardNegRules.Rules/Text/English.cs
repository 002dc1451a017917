namespace HardNegRules.Rules.Text;

/// <summary>The bits of English grammar the compiler needs: regular plurals and the a/an choice.</summary>
public static class English
{
    /// <summary>The regular plural of a noun or noun phrase (the last word inflects: "fire hydrant" -> "fire hydrants").</summary>
    /// <param name="noun">The singular.</param>
    /// <returns>The plural.</returns>
    public static string RegularPlural(string noun)
    {
        if (noun.Length == 0)
        {
            return noun;
        }

        if (EndsWith(noun, "s") || EndsWith(noun, "x") || EndsWith(noun, "z") || EndsWith(noun, "ch") || EndsWith(noun, "sh"))
        {
            return noun + "es";
        }

        if (noun.Length >= 2 && EndsWith(noun, "y") && !IsVowel(noun[noun.Length - 2]))
        {
            return noun.Substring(0, noun.Length - 1) + "ies";
        }

        return noun + "s";
    }

    /// <summary>
    /// The indefinite article for a word or phrase by its sound, as far as spelling tells it: "an" before a vowel sound
    /// ("an apple", "an hour"), "a" before a consonant sound ("a unicorn", "a one-way street").
    /// </summary>
    /// <param name="phrase">The word or phrase that follows the article.</param>
    /// <returns>"a" or "an".</returns>
    public static string IndefiniteArticle(string phrase)
    {
        string word = phrase.TrimStart().ToLowerInvariant();
        if (word.Length == 0)
        {
            return "a";
        }

        foreach (string prefix in ConsonantSoundingVowelStarts)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return "a";
            }
        }

        foreach (string prefix in VowelSoundingConsonantStarts)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return "an";
            }
        }

        return IsVowel(word[0]) ? "an" : "a";
    }

    /// <summary>
    /// Particles and prepositions that also begin modifier + head compounds ("off white"). After a verb they belong to
    /// it ("letting off white smoke"), so such a compound is read only where a noun phrase may begin.
    /// </summary>
    public static IReadOnlyList<string> Particles { get; } = new[]
    {
        "off", "on", "in", "out", "up", "down", "over", "under", "back", "away", "through", "about", "around", "along",
        "across", "by", "past", "behind", "above", "below", "into", "onto", "apart", "aside", "forward", "together",
    };

    /// <summary>
    /// Words after which a noun phrase begins: determiners, numbers, prepositions, conjunctions and forms of "be" ("a",
    /// "with", "and", "is"). A compound whose first word is a particle is read as one term only after one of these, after
    /// punctuation, or at the caption's start.
    /// </summary>
    public static IReadOnlyList<string> NounPhraseOpeners { get; } = new[]
    {
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "some", "any",
        "no", "each", "every", "all", "both", "many", "several", "few", "more", "most", "other", "another", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "and", "or", "but", "nor", "with", "without", "of",
        "in", "on", "at", "by", "for", "from", "to", "into", "onto", "under", "over", "near", "behind", "beside", "besides",
        "between", "among", "against", "like", "than", "as", "is", "are", "was", "were", "be", "been", "being", "very",
        "plus", "wearing", "wears", "wear", "has", "have", "had", "having",
    };

    // Spellings whose first sound is not what the first letter suggests.
    private static readonly string[] ConsonantSoundingVowelStarts =
    {
        "uni", "use", "usu", "uti", "ure", "uri", "uro", "eu", "ewe", "one", "once", "ufo", "u-",
    };

    private static readonly string[] VowelSoundingConsonantStarts = { "hour", "honest", "honor", "honour", "heir" };

    private static bool IsVowel(char c) => c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';

    private static bool EndsWith(string text, string suffix) => text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
}
