using HardNegRules.Tests;

namespace HardNegRules.Quality.Tests;

/// <summary>A small pack written for the quality tests: one concept per kind of policy.</summary>
internal static class QualityTestRules
{
    public const string Color = """
        concept: color
        policy: any
        kinds: { replace: 1, swap: 1 }
        terms: [red, blue, orange, crimson, { gray: { variants: [grey] } }]
        synonyms: [[red, crimson]]
        blocked: [orange juice]
        """;

    public const string Size = """
        concept: size
        policy: opposite
        terms: [{ big: { comparative: bigger } }, { small: { comparative: smaller } }, tall, short]
        opposites: [[big, small], [tall, short]]
        """;

    public const string Object = """
        concept: object
        policy: same-category
        inflection: noun
        categories:
          animal: [dog, cat, puppy, giraffe]
          food: [apple, banana]
          furniture: [couch, sofa, { bench: { plural: benches } }]
          vehicle: [car, bus]
        synonyms: [[couch, sofa]]
        never-swap: [[dog, puppy]]
        """;

    public static RuleVocabulary Vocabulary { get; } = RuleVocabulary.Parse([Color, Size, Object]);

    public static IPermuter Permuter { get; } =
        TestRules.Interpret(("color.yaml", Color), ("size.yaml", Size), ("object.yaml", Object));

    /// <summary>A replacement negative built by hand: <paramref name="from"/> at its first place in the caption becomes <paramref name="to"/>.</summary>
    public static HardNegative Replace(string concept, string caption, string negative, string from, string to)
    {
        int start = caption.IndexOf(from, StringComparison.Ordinal);
        return new HardNegative(negative, concept, NegativeKind.Replace, $"{concept}/{from}", new TermEdit(start, from.Length, from, to));
    }

    public static IReadOnlyList<DefectKind> Inspect(string caption, HardNegative negative) =>
        new NegativeInspector(Vocabulary).Inspect("1", caption, negative).Select(d => d.Kind).ToList();
}
