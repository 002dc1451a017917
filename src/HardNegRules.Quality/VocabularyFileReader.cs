using YamlDotNet.RepresentationModel;

namespace HardNegRules.Quality;

/// <summary>
/// Reads one concept file into a <see cref="VocabularyConcept"/>. Lenient: the build already reports malformed rules, so
/// this reader takes what it understands and ignores the rest.
/// </summary>
internal static class VocabularyFileReader
{
    public static VocabularyConcept? Read(string text)
    {
        if (Root(text) is not { } root || Scalar(root, "concept") is not { } name)
        {
            return null;
        }

        bool nouns = Scalar(root, "inflection") == "noun";
        var terms = new List<VocabularyTerm>();
        if (Child(root, "terms") is YamlSequenceNode list)
        {
            terms.AddRange(list.Select(item => ReadTerm(item, null, nouns)));
        }

        if (Child(root, "categories") is YamlMappingNode categories)
        {
            foreach ((YamlNode key, YamlNode value) in categories.Children)
            {
                if (value is YamlSequenceNode items)
                {
                    terms.AddRange(items.Select(item => ReadTerm(item, ((YamlScalarNode)key).Value, nouns)));
                }
            }
        }

        // Groups may name a term by any spelling (grey for gray): name them by the term's canonical spelling.
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (VocabularyTerm term in terms)
        {
            foreach (string spelling in term.Spellings)
            {
                canonical.TryAdd(spelling, term.Name);
            }
        }

        string Canonical(string spelling) => canonical.GetValueOrDefault(spelling, spelling);
        var opposites = Groups(root, "opposites").Where(g => g.Count == 2).Select(g => (Canonical(g[0]), Canonical(g[1]))).ToList();
        var blocked = Texts(Child(root, "blocked")).Select(p => p.Split(' ')).ToList();
        return new VocabularyConcept(name, Scalar(root, "policy") ?? "any", terms, Sets(root, "synonyms", Canonical),
            Sets(root, "never-swap", Canonical), opposites, blocked);
    }

    private static VocabularyTerm ReadTerm(YamlNode item, string? category, bool noun)
    {
        YamlNode nameNode = item;
        YamlMappingNode? properties = null;
        if (item is YamlMappingNode map && map.Children.Count == 1)
        {
            (nameNode, YamlNode value) = map.Children.First();
            properties = value as YamlMappingNode;
        }

        string name = RuleVocabulary.Fold(((YamlScalarNode)nameNode).Value ?? string.Empty);
        var baseForms = new List<string> { name };
        baseForms.AddRange(Texts(Property(properties, "variants")));
        YamlNode? pluralNode = Property(properties, "plural");
        List<string> plurals = pluralNode switch
        {
            YamlScalarNode { Value: "none" } => new List<string>(),
            null when noun => baseForms.Select(RegularPlural).ToList(),
            null => new List<string>(),
            _ => Texts(pluralNode),
        };
        return new VocabularyTerm(name, category, baseForms, plurals, Texts(Property(properties, "comparative")), Texts(Property(properties, "superlative")));
    }

    // The regular English plural, stated here independently of the engine's: -es after sibilants, -ies after consonant + y.
    internal static string RegularPlural(string noun)
    {
        if (noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith('z') || noun.EndsWith("ch", StringComparison.Ordinal) ||
            noun.EndsWith("sh", StringComparison.Ordinal))
        {
            return noun + "es";
        }

        if (noun.Length > 1 && noun[^1] == 'y' && "aeiou".IndexOf(noun[^2], StringComparison.Ordinal) < 0)
        {
            return noun[..^1] + "ies";
        }

        return noun + "s";
    }

    private static List<List<string>> Groups(YamlMappingNode root, string key) =>
        Child(root, key) is YamlSequenceNode groups ? groups.Select(Texts).ToList() : new List<List<string>>();

    private static List<IReadOnlySet<string>> Sets(YamlMappingNode root, string key, Func<string, string> canonical) =>
        Groups(root, key).Select(g => (IReadOnlySet<string>)new HashSet<string>(g.Select(canonical), StringComparer.Ordinal)).ToList();

    private static List<string> Texts(YamlNode? node) => node switch
    {
        YamlScalarNode scalar when !string.IsNullOrEmpty(scalar.Value) => new List<string> { RuleVocabulary.Fold(scalar.Value) },
        YamlSequenceNode sequence => sequence.OfType<YamlScalarNode>().Where(s => !string.IsNullOrEmpty(s.Value))
            .Select(s => RuleVocabulary.Fold(s.Value!)).ToList(),
        _ => new List<string>(),
    };

    private static YamlNode? Property(YamlMappingNode? properties, string key) => properties is null ? null : Child(properties, key);

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    /// <summary>The concept a file defines, or null for a pack's settings.</summary>
    public static string? ConceptName(string text) => Root(text) is { } root ? Scalar(root, "concept") : null;

    /// <summary>The default-pack concepts a pack file reuses: "- color" or "- color: { only: [...] }".</summary>
    public static IEnumerable<string> ReusedConcepts(string text)
    {
        if (Root(text) is not { } root || Child(root, "uses") is not YamlSequenceNode uses)
        {
            yield break;
        }

        foreach (YamlNode item in uses)
        {
            string? name = item switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode { Children.Count: 1 } map => (map.Children.First().Key as YamlScalarNode)?.Value,
                _ => null,
            };
            if (name is not null)
            {
                yield return name;
            }
        }
    }

    private static YamlMappingNode? Root(string text)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
    }
}
