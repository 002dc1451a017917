using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld;

/// <summary>
/// The words of the world: one English word per color, shape and size, the location phrases and relations. Shared by
/// the caption writer and the caption checker as data; the two interpret it independently.
/// </summary>
public static class WorldVocabulary
{
    private static readonly string[] ColorWords =
        ["red", "green", "blue", "yellow", "orange", "purple", "white", "black", "pink", "brown", "gray"];

    private static readonly string[] ShapeWords =
        ["circle", "square", "triangle", "star", "heart", "cross", "diamond", "hexagon", "pentagon", "ring"];

    private static readonly string[] SizeWords = ["small", "medium", "large"];

    private static readonly string[] CountWords = ["zero", "one", "two", "three"];

    /// <summary>The English word for a color.</summary>
    /// <param name="color">The color.</param>
    /// <returns>The word, e.g. "red".</returns>
    public static string ColorWord(ObjectColor color) => ColorWords[(int)color];

    /// <summary>The English noun for a shape.</summary>
    /// <param name="shape">The shape.</param>
    /// <returns>The noun, e.g. "circle".</returns>
    public static string ShapeWord(ObjectShape shape) => ShapeWords[(int)shape];

    /// <summary>The English adjective for a size.</summary>
    /// <param name="size">The size.</param>
    /// <returns>The adjective, e.g. "small".</returns>
    public static string SizeWord(ObjectSize size) => SizeWords[(int)size];

    /// <summary>The English word for a small count.</summary>
    /// <param name="count">0 to 3.</param>
    /// <returns>The word, e.g. "two".</returns>
    public static string CountWord(int count) => CountWords[count];

    /// <summary>The color named by <paramref name="word"/>, if any.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <param name="color">The color.</param>
    /// <returns>True when the word is a color word.</returns>
    public static bool TryParseColor(string word, out ObjectColor color) => TryFind(ColorWords, word, out color);

    /// <summary>The shape named by <paramref name="word"/>, if any.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <param name="shape">The shape.</param>
    /// <returns>True when the word is a shape noun.</returns>
    public static bool TryParseShape(string word, out ObjectShape shape) => TryFind(ShapeWords, word, out shape);

    /// <summary>The size named by <paramref name="word"/>, if any.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <param name="size">The size.</param>
    /// <returns>True when the word is a size adjective.</returns>
    public static bool TryParseSize(string word, out ObjectSize size) => TryFind(SizeWords, word, out size);

    /// <summary>The count named by <paramref name="word"/>, if any.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <param name="count">The count.</param>
    /// <returns>True when the word is a count word.</returns>
    public static bool TryParseCount(string word, out int count)
    {
        count = Array.IndexOf(CountWords, word);
        return count >= 0;
    }

    /// <summary>"a" or "an" for the word that follows the article.</summary>
    /// <param name="nextWord">The following word.</param>
    /// <returns>The article.</returns>
    public static string IndefiniteArticle(string nextWord)
    {
        ArgumentException.ThrowIfNullOrEmpty(nextWord);
        return "aeiou".Contains(nextWord[0], StringComparison.Ordinal) ? "an" : "a";
    }

    private static bool TryFind<TEnum>(string[] words, string word, out TEnum value)
        where TEnum : struct, Enum
    {
        int index = Array.IndexOf(words, word);
        value = index >= 0 ? (TEnum)Enum.ToObject(typeof(TEnum), index) : default;
        return index >= 0;
    }
}
