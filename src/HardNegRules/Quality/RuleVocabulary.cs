using HardNegRules.IO;
using System.Text;

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

    /// <summary>Reads the rule files directly in <paramref name="directory"/> (the default pack; subfolders are other packs).</summary>
    /// <param name="directory">The rules folder.</param>
    /// <returns>The vocabulary.</returns>
    public static RuleVocabulary Load(string directory)
    {
        IEnumerable<string> files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"))
            .Order(StringComparer.Ordinal);
        return Parse(files.Select(f => InputFile.ReadAllText(f)));
    }

    /// <summary>
    /// Reads a pack's rule files: <c>rules/*.yaml</c> for the default pack, else <c>rules/&lt;pack&gt;/*.yaml</c> plus the
    /// default pack's files of the concepts its <c>pack.yaml</c> reuses (<c>uses:</c>).
    /// </summary>
    /// <param name="rulesDirectory">The rules folder.</param>
    /// <param name="pack">The pack's name.</param>
    /// <returns>The vocabulary.</returns>
    public static RuleVocabulary LoadPack(string rulesDirectory, string pack)
    {
        ArgumentNullException.ThrowIfNull(rulesDirectory);
        ArgumentNullException.ThrowIfNull(pack);
        if (pack == HardNegRules.Rules.Compilation.RulePaths.DefaultPack)
        {
            return Load(rulesDirectory);
        }

        string folder = Path.Combine(rulesDirectory, pack);
        List<string> texts = [.. YamlFiles(folder).Select(f => InputFile.ReadAllText(f))];
        HashSet<string> reused = [.. texts.SelectMany(VocabularyFileReader.ReusedConcepts)];
        texts.AddRange(YamlFiles(rulesDirectory).Select(f => InputFile.ReadAllText(f)).Where(text => VocabularyFileReader.ConceptName(text) is { } name && reused.Contains(name)));
        return Parse(texts);
    }

    private static IEnumerable<string> YamlFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).Order(StringComparer.Ordinal);

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
