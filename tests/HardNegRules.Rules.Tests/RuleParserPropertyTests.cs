using System.Text;
using CsCheck;
using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Rules.Tests;

/// <summary>
/// Whatever a rule file holds (random bytes, random text, random YAML trees of the rule language's keys), the compiler
/// returns: every diagnostic is an HNR id at a line and column inside the file, and a file without errors compiles.
/// </summary>
public class RuleParserPropertyTests
{
    private const string Seed = "0N0XIzNsQ0O2";

    private static readonly string[] Keys =
    [
        "concept", "terms", "policy", "synonyms", "opposites", "never-swap", "categories", "contexts", "blocked", "kinds",
        "inflection", "weight", "variants", "plural", "term", "not-before", "pack", "uses", "only", "x", "",
    ];

    private static readonly string[] Scalars =
    [
        "red", "blue", "any", "opposite", "same-category", "noun", "1.5", "-3", "NaN", "~", "null", "\"quoted\"", "'single'",
        "&a red", "*a", "!!str x", "ca\uFFFDfe", "\u00e9t\u00e9", "left", "right", "[", "{", "- x", "a: b", "\t",
    ];

    private static bool Holds(string text)
    {
        RuleCompilation result = RuleCompiler.Compile([new RuleSource("rules/fuzz.yaml", RulePaths.DefaultPack, text)]);
        int lines = text.Count(c => c == '\n') + 1;
        bool located = result.Diagnostics.All(d =>
            d.Id.StartsWith("HNR", StringComparison.Ordinal) && d.Id != "HNR000" && d.Span.Line >= 1 && d.Span.Line <= lines + 1 && d.Span.Column >= 1);
        return located && (result.HasErrors || result.Packs.Count == 1);
    }

    [Test]
    public void Random_bytes_decoded_as_the_compiler_decodes_them()
    {
        Gen.Byte.Array[0, 600].SampleFixed(bytes => Holds(new UTF8Encoding(false, false).GetString(bytes)), iter: 400, seed: Seed);
    }

    [Test]
    public void Random_text()
    {
        Gen.String.SampleFixed(Holds, iter: 400, seed: Seed);
    }

    [Test]
    public void Random_yaml_trees_of_rule_keys()
    {
        Gen.Int.Select(seed => Tree(new Random(seed), 0, block: seed % 2 == 0)).SampleFixed(Holds, iter: 400, seed: Seed);
    }

    [Test]
    public void Random_nesting_around_the_depth_limit()
    {
        Gen.Int[1, 200].Select(Gen.Bool).SampleFixed((depth, flow) =>
        {
            string yaml = flow
                ? "concept: c\nterms: [a, b]\ndescription: " + new string('[', depth) + new string(']', depth) + "\n"
                : "concept: c\nterms: [a, b]\ndescription:\n" + string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i + 1) + "- \n"));
            return Holds(yaml);
        }, iter: 200, seed: Seed);
    }

    // A YAML document made of the rule language's keys and values, nested at random, in block or flow style.
    private static string Tree(Random random, int depth, bool block)
    {
        var text = new StringBuilder();
        Write(random, depth, block, 0, text);
        return text.ToString();
    }

    private static void Write(Random random, int depth, bool block, int indent, StringBuilder text)
    {
        int kind = depth > 5 ? 0 : random.Next(depth == 0 ? 1 : 0, 3);
        string pad = new(' ', indent);
        switch (kind)
        {
            case 0:
                text.Append(Scalars[random.Next(Scalars.Length)]);
                break;
            case 1:
                int entries = random.Next(0, 5);
                if (!block || entries == 0)
                {
                    text.Append('{');
                    for (int i = 0; i < entries; i++)
                    {
                        text.Append(i > 0 ? ", " : string.Empty).Append(Keys[random.Next(Keys.Length)]).Append(": ");
                        Write(random, depth + 1, false, 0, text);
                    }

                    text.Append('}');
                    break;
                }

                for (int i = 0; i < entries; i++)
                {
                    text.Append(i > 0 || depth > 0 ? "\n" + pad : string.Empty).Append(Keys[random.Next(Keys.Length)]).Append(':');
                    text.Append(' ');
                    Write(random, depth + 1, block, indent + 2, text);
                }

                break;
            default:
                int items = random.Next(0, 5);
                text.Append('[');
                for (int i = 0; i < items; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty);
                    Write(random, depth + 1, false, 0, text);
                }

                text.Append(']');
                break;
        }
    }
}
