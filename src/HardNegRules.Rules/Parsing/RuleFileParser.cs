using HardNegRules.Rules.Diagnostics;
using HardNegRules.Rules.Model;
using HardNegRules.Rules.Text;
using HardNegRules.Rules.Validation;
using YamlDotNet.RepresentationModel;

namespace HardNegRules.Rules.Parsing;

/// <summary>Parses one rule file (a concept or a pack's settings) into the rule model, reporting mistakes at their place.</summary>
public static class RuleFileParser
{
    /// <summary>The keys a concept file may use.</summary>
    public static readonly IReadOnlyCollection<string> ConceptKeys = new[]
    {
        "concept", "description", "policy", "weight", "kinds", "inflection", "terms", "categories", "synonyms",
        "never-swap", "opposites", "blocked", "contexts",
    };

    /// <summary>The keys a pack file may use.</summary>
    public static readonly IReadOnlyCollection<string> PackKeys = new[] { "pack", "description", "uses", "max-negatives" };

    /// <summary>The keys a term's properties may use.</summary>
    public static readonly IReadOnlyCollection<string> TermKeys = new[] { "variants", "plural", "comparative", "superlative", "weight", "article" };

    /// <summary>The keys of a context entry.</summary>
    public static readonly IReadOnlyCollection<string> ContextKeys = new[] { "term", "not-before", "not-after", "only-before", "only-after" };

    private static readonly IReadOnlyDictionary<string, SwapPolicy> Policies = new Dictionary<string, SwapPolicy>
    {
        ["any"] = SwapPolicy.Any,
        ["same-category"] = SwapPolicy.SameCategory,
        ["opposite"] = SwapPolicy.Opposite,
    };

    private static readonly IReadOnlyDictionary<string, Inflection> Inflections = new Dictionary<string, Inflection>
    {
        ["none"] = Inflection.None,
        ["noun"] = Inflection.Noun,
    };

    private static readonly string[] KindKeys = { "replace", "swap" };
    private static readonly string[] UseKeys = { "only" };
    private static readonly char[] Space = { ' ' };

    private static readonly Dictionary<string, FormKind> FormKeys = new Dictionary<string, FormKind>
    {
        ["plural"] = FormKind.Plural,
        ["comparative"] = FormKind.Comparative,
        ["superlative"] = FormKind.Superlative,
    };

    /// <summary>Parses a rule file.</summary>
    /// <param name="path">The file's path, used in diagnostics.</param>
    /// <param name="pack">The pack the file belongs to.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="diagnostics">Receives every mistake found.</param>
    /// <returns>The parsed file, or null when it could not be read at all.</returns>
    public static RuleFile? Parse(string path, string pack, string text, List<RuleDiagnostic> diagnostics)
    {
        var reader = new YamlReader(path, diagnostics);
        YamlNode? root = reader.Load(text);
        if (root is null || reader.Mapping(root, "A rule file") is not { } mapping)
        {
            return null;
        }

        bool isConcept = Has(mapping, "concept");
        bool isPack = Has(mapping, "pack");
        if (isConcept && isPack)
        {
            reader.Error(RuleErrors.InvalidValue, "A rule file is either a concept ('concept:') or a pack's settings ('pack:'), not both.", reader.At(root));
            return null;
        }

        if (isPack)
        {
            return new RuleFile(path, pack, null, ParsePack(reader, mapping));
        }

        if (!isConcept)
        {
            reader.Error(RuleErrors.MissingKey, "Missing 'concept: <name>' at the top of the rule file (or 'pack: <name>' for a pack's settings).", reader.At(root));
            return null;
        }

        ConceptDefinition? concept = ParseConcept(reader, mapping);
        if (concept is not null)
        {
            ConceptContradictions.Check(concept, diagnostics);
        }

        return concept is null ? null : new RuleFile(path, pack, concept, null);
    }

    private static bool Has(YamlMappingNode mapping, string key) => mapping.Children.ContainsKey(new YamlScalarNode(key));

    private static PackSettings ParsePack(YamlReader reader, YamlMappingNode mapping)
    {
        var settings = new PackSettings(reader.At(mapping));
        foreach ((string key, _, YamlNode value) in reader.Entries(mapping, "a pack file", PackKeys))
        {
            switch (key)
            {
                case "pack":
                    reader.Text(value, "'pack'");
                    break;
                case "description":
                    settings.Description = reader.Text(value, "'description'")?.Value;
                    break;
                case "uses":
                    foreach (YamlNode item in reader.Sequence(value, "'uses'"))
                    {
                        if (ParseUse(reader, item) is { } use)
                        {
                            settings.Uses.Add(use);
                        }
                    }

                    break;
                case "max-negatives":
                    settings.MaxNegatives = (int)(reader.Number(value, "'max-negatives'", 0, 1000) ?? 0);
                    break;
            }
        }

        return settings;
    }

    // A reused concept is its name ("- color") or its name with the terms this pack writes ("- color: { only: [red, blue] }").
    private static ConceptUse? ParseUse(YamlReader reader, YamlNode item)
    {
        if (item is not YamlMappingNode map)
        {
            return reader.Text(item, "Each item of 'uses'") is { } plain ? new ConceptUse(plain, null) : null;
        }

        if (map.Children.Count != 1)
        {
            reader.Error(RuleErrors.InvalidValue, "A narrowed concept is written '- color: { only: [red, blue] }': one concept per item.", reader.At(item));
            return null;
        }

        KeyValuePair<YamlNode, YamlNode> pair = map.Children.First();
        if (reader.Text(pair.Key, "A concept in 'uses'") is not { } name || reader.Mapping(pair.Value, $"The options of '{name.Value}'") is not { } options)
        {
            return null;
        }

        List<Located<string>>? only = null;
        foreach ((_, _, YamlNode value) in reader.Entries(options, $"'uses: {name.Value}'", UseKeys))
        {
            only = reader.Texts(value, "'only'");
        }

        return new ConceptUse(name, only);
    }

    private static ConceptDefinition? ParseConcept(YamlReader reader, YamlMappingNode mapping)
    {
        var entries = new List<(string Key, YamlNode KeyNode, YamlNode Value)>(reader.Entries(mapping, "a concept file", ConceptKeys));
        ConceptDefinition? concept = null;
        foreach ((string key, _, YamlNode value) in entries)
        {
            if (key == "concept" && reader.Text(value, "'concept'") is { } name)
            {
                concept = new ConceptDefinition(name.Value, name.Span);
            }
        }

        if (concept is null)
        {
            return null;
        }

        foreach ((string key, _, YamlNode value) in entries)
        {
            switch (key)
            {
                case "description":
                    concept.Description = reader.Text(value, "'description'")?.Value;
                    break;
                case "policy":
                    concept.Policy = reader.Choice(value, "'policy'", Policies) ?? concept.Policy;
                    break;
                case "weight":
                    concept.Weight = reader.Number(value, "'weight'", 0, 1e6) ?? concept.Weight;
                    break;
                case "inflection":
                    concept.Inflection = reader.Choice(value, "'inflection'", Inflections) ?? concept.Inflection;
                    break;
                case "kinds":
                    ParseKinds(reader, value, concept);
                    break;
                case "terms":
                    foreach (YamlNode item in reader.Sequence(value, "'terms'"))
                    {
                        AddTerm(reader, item, concept, category: null);
                    }

                    break;
                case "categories":
                    ParseCategories(reader, value, concept);
                    break;
                case "synonyms":
                    concept.Synonyms.AddRange(ParseGroups(reader, value, "'synonyms'"));
                    break;
                case "never-swap":
                    concept.NeverSwap.AddRange(ParseGroups(reader, value, "'never-swap'"));
                    break;
                case "opposites":
                    ParseOpposites(reader, value, concept);
                    break;
                case "blocked":
                    foreach (Located<string> phrase in reader.Texts(value, "'blocked'"))
                    {
                        concept.Blocked.Add(ToPhrase(phrase));
                    }

                    break;
                case "contexts":
                    foreach (YamlNode item in reader.Sequence(value, "'contexts'"))
                    {
                        ParseContext(reader, item, concept);
                    }

                    break;
            }
        }

        return concept;
    }

    private static void ParseKinds(YamlReader reader, YamlNode value, ConceptDefinition concept)
    {
        var weights = new Dictionary<string, double>();
        if (value is YamlMappingNode map)
        {
            foreach ((string kind, YamlNode keyNode, YamlNode weight) in reader.Entries(map, "'kinds'", KindKeys))
            {
                weights[kind] = reader.Number(weight, $"The weight of kind '{kind}'", 0, 1e6) ?? 0;
                _ = keyNode;
            }
        }
        else
        {
            foreach (Located<string> kind in reader.Texts(value, "'kinds'"))
            {
                if (kind.Value is "replace" or "swap")
                {
                    weights[kind.Value] = 1.0;
                }
                else
                {
                    reader.Error(RuleErrors.InvalidValue, $"Unknown kind '{kind.Value}': kinds are 'replace' and 'swap'.", kind.Span);
                }
            }
        }

        concept.ReplaceWeight = weights.TryGetValue("replace", out double replace) ? replace : 0;
        concept.SwapWeight = weights.TryGetValue("swap", out double swap) ? swap : 0;
    }

    private static void ParseCategories(YamlReader reader, YamlNode value, ConceptDefinition concept)
    {
        if (reader.Mapping(value, "'categories'") is not { } categories)
        {
            return;
        }

        foreach ((string category, _, YamlNode terms) in reader.Entries(categories, "'categories'", null))
        {
            foreach (YamlNode item in reader.Sequence(terms, $"Category '{category}'"))
            {
                AddTerm(reader, item, concept, category);
            }
        }
    }

    private static void AddTerm(YamlReader reader, YamlNode item, ConceptDefinition concept, string? category)
    {
        // A term is either its text ("- red") or its text with properties ("- gray: {variants: [grey]}").
        YamlNode nameNode = item;
        YamlNode? properties = null;
        if (item is YamlMappingNode map)
        {
            if (map.Children.Count != 1)
            {
                reader.Error(RuleErrors.InvalidValue, "A term with properties is written '- term: { plural: ..., variants: [...] }': one term per item.", reader.At(item));
                return;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> pair in map.Children)
            {
                nameNode = pair.Key;
                properties = pair.Value;
            }
        }

        if (reader.Text(nameNode, "A term") is not { } name)
        {
            return;
        }

        var term = new TermDefinition(name.Value, name.Span) { Category = category };
        term.Forms[FormKind.Base] = new List<Located<string>> { name };
        if (properties is not null && !(properties is YamlScalarNode scalar && YamlReader.IsNull(scalar)) &&
            reader.Mapping(properties, $"The properties of term '{name.Value}'") is { } props)
        {
            foreach ((string key, _, YamlNode value) in reader.Entries(props, $"term '{name.Value}'", TermKeys))
            {
                switch (key)
                {
                    case "variants":
                        term.Forms[FormKind.Base].AddRange(reader.Texts(value, $"The variants of '{name.Value}'"));
                        break;
                    case "weight":
                        term.Weight = reader.Number(value, $"The weight of '{name.Value}'", 0, 1e6) ?? term.Weight;
                        break;
                    case "article":
                        if (reader.Text(value, "'article'") is { } article)
                        {
                            if (article.Value is "a" or "an")
                            {
                                term.Article = article.Value;
                            }
                            else
                            {
                                reader.Error(RuleErrors.InvalidValue, "'article' must be 'a' or 'an'.", article.Span);
                            }
                        }

                        break;
                    default:
                        FormKind form = FormKeys[key];
                        if (value is YamlScalarNode { Value: "none" })
                        {
                            term.AbsentForms.Add(form);
                        }
                        else
                        {
                            term.Forms[form] = reader.Texts(value, $"The {key} of '{name.Value}'");
                        }

                        break;
                }
            }
        }

        concept.Terms.Add(term);
    }

    private static IEnumerable<List<Located<string>>> ParseGroups(YamlReader reader, YamlNode value, string what)
    {
        foreach (YamlNode item in reader.Sequence(value, what))
        {
            List<Located<string>> group = reader.Texts(item, $"Each group of {what}");
            if (group.Count < 2)
            {
                reader.Error(RuleErrors.InvalidValue, $"Each group of {what} names two or more terms, as [big, large].", reader.At(item));
                continue;
            }

            yield return group;
        }
    }

    private static void ParseOpposites(YamlReader reader, YamlNode value, ConceptDefinition concept)
    {
        foreach (YamlNode item in reader.Sequence(value, "'opposites'"))
        {
            List<Located<string>> pair = reader.Texts(item, "Each pair of 'opposites'");
            if (pair.Count != 2)
            {
                reader.Error(RuleErrors.InvalidValue, "Each item of 'opposites' is a pair, as [left, right].", reader.At(item));
                continue;
            }

            concept.Opposites.Add((pair[0], pair[1]));
        }
    }

    private static void ParseContext(YamlReader reader, YamlNode item, ConceptDefinition concept)
    {
        if (reader.Mapping(item, "Each item of 'contexts'") is not { } map)
        {
            return;
        }

        Located<string>? term = null;
        var pending = new List<(string Key, List<Located<string>> Phrases)>();
        foreach ((string key, _, YamlNode value) in reader.Entries(map, "a context", ContextKeys))
        {
            if (key == "term")
            {
                term = reader.Text(value, "'term'");
            }
            else
            {
                pending.Add((key, reader.Texts(value, $"'{key}'")));
            }
        }

        if (term is null)
        {
            reader.Error(RuleErrors.MissingKey, "A context needs 'term: <term>' to say which term its conditions apply to.", reader.At(item));
            return;
        }

        var context = new ContextRule(term, reader.At(item));
        foreach ((string key, List<Located<string>> phrases) in pending)
        {
            List<Phrase> target = key switch
            {
                "not-before" => context.NotBefore,
                "not-after" => context.NotAfter,
                "only-before" => context.OnlyBefore,
                _ => context.OnlyAfter,
            };
            foreach (Located<string> phrase in phrases)
            {
                target.Add(ToPhrase(phrase));
            }
        }

        concept.Contexts.Add(context);
    }

    private static Phrase ToPhrase(Located<string> text) =>
        new(text.Value, CaptionChars.Fold(text.Value).Split(Space, StringSplitOptions.RemoveEmptyEntries), text.Span);
}
