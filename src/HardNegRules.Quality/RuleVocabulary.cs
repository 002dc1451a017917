using System.Text;
using HardNegRules.Rules.Compilation;

namespace HardNegRules.Quality;

/// <summary>
/// The vocabulary of a rule pack read straight from its YAML files, independently of the rule compiler, so that the quality
/// checks judge the engine's negatives against what the rule files say rather than against the engine's own tables.
/// </summary>
public sealed class RuleVocabulary
{
    private readonly HashSet<string> _words;

    /// <summary>Creates a vocabulary from concepts.</summary>
    /// <param name="concepts">The concepts.</param>
    public RuleVocabulary(IReadOnlyList<VocabularyConcept> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        Concepts = concepts;
        _words = new HashSet<string>(
            concepts.SelectMany(c => c.Terms).SelectMany(t => t.Spellings).SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            StringComparer.Ordinal);
    }

    /// <summary>The concepts, in file order.</summary>
    public IReadOnlyList<VocabularyConcept> Concepts { get; }

    /// <summary>Reads the default pack's rule files: those directly in <paramref name="directory"/>.</summary>
    /// <param name="directory">The rules folder.</param>
    /// <returns>The vocabulary.</returns>
    public static RuleVocabulary Load(string directory) => LoadPack(directory, RulePaths.DefaultPack);

    /// <summary>
    /// Reads a pack's rule files from <paramref name="rulesDirectory"/>, or, when it is null, the files the compiled packs
    /// were built from (<see cref="Permuters.RuleFiles"/>): the same rules the permuter of the pack runs.
    /// </summary>
    /// <param name="rulesDirectory">The rules folder, or null for the built-in packs.</param>
    /// <param name="pack">The pack's name.</param>
    /// <returns>The vocabulary.</returns>
    public static RuleVocabulary LoadPack(string? rulesDirectory, string pack) =>
        ForPack(rulesDirectory is null ? Permuters.RuleFiles : RuleSet.ReadFiles(rulesDirectory), pack);

    /// <summary>
    /// A pack's vocabulary from rule files: the pack's own files, and for a pack other than the default one, the default
    /// pack's files of the concepts its <c>pack.yaml</c> reuses (<c>uses:</c>).
    /// </summary>
    /// <param name="files">Rule files of one rules folder, with their packs.</param>
    /// <param name="pack">The pack's name.</param>
    /// <returns>The vocabulary.</returns>
    public static RuleVocabulary ForPack(IEnumerable<RuleSource> files, string pack)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(pack);
        List<RuleSource> all = [.. files];
        List<string> texts = [.. all.Where(f => f.Pack == pack).Select(f => f.Text)];
        if (pack != RulePaths.DefaultPack)
        {
            HashSet<string> reused = [.. texts.SelectMany(VocabularyFileReader.ReusedConcepts)];
            texts.AddRange(all.Where(f => f.Pack == RulePaths.DefaultPack).Select(f => f.Text)
                .Where(text => VocabularyFileReader.ConceptName(text) is { } name && reused.Contains(name)));
        }

        return Parse(texts);
    }

    /// <summary>Reads rule files' texts; files that are not concepts (pack settings) are skipped.</summary>
    /// <param name="yamlTexts">The files' texts.</param>
    /// <returns>The vocabulary.</returns>
    public static RuleVocabulary Parse(IEnumerable<string> yamlTexts)
    {
        ArgumentNullException.ThrowIfNull(yamlTexts);
        var concepts = new List<VocabularyConcept>();
        foreach (string text in yamlTexts)
        {
            if (VocabularyFileReader.Read(text) is { } concept)
            {
                concepts.Add(concept);
            }
        }

        return new RuleVocabulary(concepts);
    }

    /// <summary>The concept named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The concept's name.</param>
    /// <returns>The concept, or null.</returns>
    public VocabularyConcept? Concept(string name) => Concepts.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="word"/> is a word of some spelling of some term.</summary>
    /// <param name="word">A word, any case.</param>
    /// <returns>True when the rules can write this word.</returns>
    public bool IsTermWord(string word) => _words.Contains(word.ToLowerInvariant());

    /// <summary>Lower case with single spaces: how spellings are compared.</summary>
    /// <param name="text">A spelling.</param>
    /// <returns>The folded spelling.</returns>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (string part in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }
}
