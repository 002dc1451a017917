using System.Text.RegularExpressions;

namespace HardNegRules.Training.Evaluation.Aro;

/// <summary>
/// The four caption perturbations of ARO's COCO-Order and Flickr30k-Order (Yuksekgonul et al. 2023): shuffle the
/// nouns and the adjectives among themselves; shuffle every other word; shuffle the words within each trigram;
/// shuffle the trigrams. The true caption and each perturbation are then cleaned as ARO cleans retrieval captions
/// (lower case, the characters <c>.!"()*#:;~</c> removed, at most 30 words).
/// </summary>
/// <remarks>
/// ARO finds nouns and adjectives with spaCy's tagger, which does not run here. Nouns are the words of the rule pack's
/// <c>object</c> terms and adjectives the words of its <c>color</c> and <c>size</c> terms (plus any concept a pack adds
/// that is listed in <see cref="AdjectiveConcepts"/>): a caption's other nouns and adjectives count as other words, so
/// the first two perturbations move fewer words than ARO's do on the same caption. The trigram perturbations need no
/// tagger and follow ARO's definition.
/// </remarks>
public sealed partial class OrderPerturbations
{
    /// <summary>The perturbations' names, in ARO's order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["shuffle_nouns_and_adj", "shuffle_allbut_nouns_and_adj", "shuffle_within_trigrams", "shuffle_trigrams"];

    /// <summary>Concepts whose terms are taken as nouns.</summary>
    public static IReadOnlyList<string> NounConcepts { get; } = ["object", "garment"];

    /// <summary>Concepts whose terms are taken as adjectives.</summary>
    public static IReadOnlyList<string> AdjectiveConcepts { get; } = ["color", "size", "material", "pattern"];

    private readonly IPermuter _permuter;
    private readonly ulong _nounMask;
    private readonly ulong _adjectiveMask;

    /// <summary>Uses <paramref name="permuter"/>'s terms to find nouns and adjectives.</summary>
    /// <param name="permuter">A rule pack's permuter (the default pack has object, color and size).</param>
    public OrderPerturbations(IPermuter permuter)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        _permuter = permuter;
        _nounMask = Mask(permuter, NounConcepts);
        _adjectiveMask = Mask(permuter, AdjectiveConcepts);
    }

    /// <summary>The four perturbations of <paramref name="caption"/>, cleaned, in <see cref="Names"/> order.</summary>
    /// <param name="caption">The true caption, as in the data set.</param>
    /// <param name="random">The shuffles' randomness (seed it for results that repeat).</param>
    /// <returns>Four captions.</returns>
    public string[] Perturb(string caption, Random random)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(random);
        List<Match> words = [.. Word().Matches(caption).Cast<Match>()];
        string[] tokens = [.. words.Select(w => w.Value)];
        WordKind[] kinds = Tag(caption, words);
        int[] nouns = [.. Positions(kinds, k => k == WordKind.Noun)];
        int[] adjectives = [.. Positions(kinds, k => k == WordKind.Adjective)];
        int[] others = [.. Positions(kinds, k => k == WordKind.Other)];
        return
        [
            Clean(string.Join(' ', ShuffleAt(ShuffleAt(tokens, nouns, random), adjectives, random))),
            Clean(string.Join(' ', ShuffleAt(tokens, others, random))),
            Clean(string.Join(' ', Trigrams(tokens).SelectMany(t => Shuffled(t, random)))),
            Clean(string.Join(' ', Shuffled(Trigrams(tokens), random).SelectMany(t => t))),
        ];
    }

    /// <summary>ARO's caption cleaning: lower case, <c>.!"()*#:;~</c> to spaces, runs of spaces to one, trimmed, and at
    /// most <paramref name="maxWords"/> words.</summary>
    /// <param name="caption">The caption.</param>
    /// <param name="maxWords">Words kept.</param>
    /// <returns>The cleaned caption.</returns>
    public static string Clean(string caption, int maxWords = 30)
    {
        ArgumentNullException.ThrowIfNull(caption);
        string text = Spaces().Replace(Dropped().Replace(caption.ToLowerInvariant(), " "), " ").Trim();
        string[] words = text.Split(' ');
        return words.Length > maxWords ? string.Join(' ', words.Take(maxWords)) : text;
    }

    private WordKind[] Tag(string caption, List<Match> words)
    {
        var kinds = new WordKind[words.Count];
        Span<TermMatch> matches = new TermMatch[Math.Max(caption.Length, 1)];
        Mark(caption, words, kinds, matches, _nounMask, WordKind.Noun);
        Mark(caption, words, kinds, matches, _adjectiveMask, WordKind.Adjective);
        return kinds;
    }

    private void Mark(string caption, List<Match> words, WordKind[] kinds, Span<TermMatch> matches, ulong mask, WordKind kind)
    {
        if (mask == 0)
        {
            return;
        }
        int found = _permuter.FindTerms(caption, matches, mask);
        for (int m = 0; m < found; m++)
        {
            TermMatch term = matches[m];
            for (int w = 0; w < words.Count; w++)
            {
                if (kinds[w] == WordKind.Other && words[w].Index >= term.Start && words[w].Index + words[w].Length <= term.Start + term.Length)
                {
                    kinds[w] = kind;
                }
            }
        }
    }

    private static ulong Mask(IPermuter permuter, IReadOnlyList<string> concepts)
    {
        ulong mask = 0;
        for (int i = 0; i < permuter.Concepts.Count; i++)
        {
            if (concepts.Contains(permuter.Concepts[i], StringComparer.Ordinal))
            {
                mask |= 1UL << i;
            }
        }
        return mask;
    }

    private static IEnumerable<int> Positions(WordKind[] kinds, Func<WordKind, bool> wanted) =>
        Enumerable.Range(0, kinds.Length).Where(i => wanted(kinds[i]));

    private static string[] ShuffleAt(string[] tokens, int[] positions, Random random)
    {
        string[] result = [.. tokens];
        string[] moved = Shuffled(positions.Select(p => tokens[p]).ToArray(), random);
        for (int i = 0; i < positions.Length; i++)
        {
            result[positions[i]] = moved[i];
        }
        return result;
    }

    private static T[] Shuffled<T>(IReadOnlyList<T> items, Random random)
    {
        T[] result = [.. items];
#pragma warning disable CA5394 // a seeded shuffle: the test items must repeat run to run
        random.Shuffle(result);
#pragma warning restore CA5394
        return result;
    }

    private static List<string[]> Trigrams(string[] tokens) =>
        [.. Enumerable.Range(0, (tokens.Length + 2) / 3).Select(i => tokens.Skip(3 * i).Take(3).ToArray())];

    // Words (with inner hyphens and apostrophes) and single punctuation marks, as a word tokenizer splits them.
    [GeneratedRegex(@"\w+(?:[-'’]\w+)*|[^\w\s]")]
    private static partial Regex Word();

    [GeneratedRegex("[.!\"()*#:;~]")]
    private static partial Regex Dropped();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    private enum WordKind
    {
        Other,
        Noun,
        Adjective,
    }
}
