using CsCheck;

namespace HardNegRules.Generators.Tests;

/// <summary>Whatever a rule file holds, the generator reports it and never throws (a CS8785 would be a bug).</summary>
public class RobustnessTests
{
    private static readonly string[] Fragments =
    [
        "concept: color\n", "terms:\n", "  - red\n", "  - [a, b\n", "- {x: y}\n", "policy: opposite\n", "opposites: [[a]]\n",
        "contexts:\n  - term: red\n", "    not-before: [\"\"]\n", "kinds: {swap: -1}\n", "weight: NaN\n", "\t", ": :", "&a *a\n",
        "? [complex]\n", "!!binary x\n", "'unterminated", "---\n", "categories: {a: [b]}\n", "inflection: noun\n", "\u00e9\u2603\n",
    ];

    [Test]
    public void Generator_never_throws_on_arbitrary_rule_text()
    {
        Gen.OneOf(Gen.String, Gen.Int[0, Fragments.Length - 1].Array[0, 12].Select(ix => string.Concat(ix.Select(i => Fragments[i]))))
            .SampleFixed(text =>
            {
                var (_, result, _) = GeneratorHarness.Run(("/repo/rules/fuzz.yaml", text));
                return result.Exception is null && result.Diagnostics.All(d => d.Id.StartsWith("HNR", StringComparison.Ordinal) && d.Id != "HNR000");
            }, iter: 300, seed: "0N0XIzNsQ0O2");
    }
}
