namespace HardNegRules.Rules.Compilation;

/// <summary>
/// A rule pack compiled into flat tables: what the matcher looks for and what may replace what. The source generator
/// writes these tables into C#; the interpreter builds the same ones from YAML at run time.
/// </summary>
/// <remarks>Generated code creates it with literal tables.</remarks>
/// <param name="name">The pack's name.</param>
/// <param name="maxNegatives">The most negatives per caption; 0 for no limit.</param>
/// <param name="concepts">The concepts, by index.</param>
/// <param name="terms">The terms, by index.</param>
/// <param name="entries">Every text the matcher looks for, sorted by text (ordinal), then by priority.</param>
/// <param name="contexts">Context conditions, referred to by index from entries.</param>
public sealed class CompiledPack(string name, int maxNegatives, IReadOnlyList<CompiledConcept> concepts, IReadOnlyList<CompiledTerm> terms,
    IReadOnlyList<CompiledEntry> entries, IReadOnlyList<CompiledContext> contexts)
{
    /// <summary>The pack's name.</summary>
    public string Name { get; } = name;

    /// <summary>The most negatives per caption; 0 for no limit.</summary>
    public int MaxNegatives { get; } = maxNegatives;

    /// <summary>The concepts, by index.</summary>
    public IReadOnlyList<CompiledConcept> Concepts { get; } = concepts;

    /// <summary>The terms, by index.</summary>
    public IReadOnlyList<CompiledTerm> Terms { get; } = terms;

    /// <summary>The texts to match, sorted by text; entries with the same text are adjacent, in the order they are tried.</summary>
    public IReadOnlyList<CompiledEntry> Entries { get; } = entries;

    /// <summary>The context conditions.</summary>
    public IReadOnlyList<CompiledContext> Contexts { get; } = contexts;
}

/// <summary>A compiled concept.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Weight">The relative chance of a negative of this concept.</param>
/// <param name="ReplaceWeight">The weight of the replace kind (0: off).</param>
/// <param name="SwapWeight">The weight of the swap kind (0: off).</param>
/// <param name="Source">Where it was defined (rules/color.yaml:1).</param>
public sealed record CompiledConcept(string Name, double Weight, double ReplaceWeight, double SwapWeight, string Source);

/// <summary>A compiled term.</summary>
/// <param name="Concept">Its concept's index.</param>
/// <param name="Name">Its canonical spelling.</param>
/// <param name="Weight">Its relative chance of being picked.</param>
/// <param name="Forms">The text written in negatives for each <see cref="Model.FormKind"/>, null where the term lacks the form.</param>
/// <param name="AnArticle">For each form, whether "an" (rather than "a") goes before it.</param>
/// <param name="Targets">Terms that may replace it, listed one by one (opposites), ascending; the rest are in the pool.</param>
/// <param name="Source">Where it was defined (rules/color.yaml:12).</param>
/// <remarks>
/// The terms that may replace a term are <see cref="Targets"/> and the pool [<see cref="PoolStart"/>,
/// <see cref="PoolEnd"/>) without <see cref="Excluded"/>; terms of weight 0 are never written. A pool (the concept, or the
/// term's category) keeps the tables linear in the number of terms where a list per term would grow with its square.
/// </remarks>
public sealed record CompiledTerm(int Concept, string Name, double Weight, IReadOnlyList<string?> Forms, IReadOnlyList<bool> AnArticle,
    IReadOnlyList<int> Targets, string Source)
{
    /// <summary>The first term of the pool of replacements.</summary>
    public int PoolStart { get; init; }

    /// <summary>The end of the pool (exclusive); equal to <see cref="PoolStart"/> for no pool.</summary>
    public int PoolEnd { get; init; }

    /// <summary>Terms of the pool that may not replace this one (itself, its synonyms, its never-swap partners), ascending.</summary>
    public IReadOnlyList<int> Excluded { get; init; } = System.Array.Empty<int>();
}

/// <summary>A text the matcher looks for: a form of a term, or a blocked phrase.</summary>
/// <param name="Text">The text, folded (lower case, single spaces).</param>
/// <param name="Term">The term's index, or -1 for a blocked phrase.</param>
/// <param name="Concept">The concept that owns the entry.</param>
/// <param name="Form">The <see cref="Model.FormKind"/> of the text.</param>
/// <param name="Context">The index of the context conditions that apply, or -1.</param>
/// <param name="Source">Where it was defined.</param>
public sealed record CompiledEntry(string Text, int Term, int Concept, int Form, int Context, string Source);

/// <summary>Compiled context conditions: each phrase is its words, folded.</summary>
/// <param name="NotBefore">Skip when followed by one of these.</param>
/// <param name="NotAfter">Skip when preceded by one of these.</param>
/// <param name="OnlyBefore">When not empty, keep only when followed by one of these.</param>
/// <param name="OnlyAfter">When not empty, keep only when preceded by one of these.</param>
/// <param name="Source">Where the context was defined.</param>
public sealed record CompiledContext(IReadOnlyList<IReadOnlyList<string>> NotBefore, IReadOnlyList<IReadOnlyList<string>> NotAfter,
    IReadOnlyList<IReadOnlyList<string>> OnlyBefore, IReadOnlyList<IReadOnlyList<string>> OnlyAfter, string Source);
