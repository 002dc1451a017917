using System.Diagnostics;
using System.Globalization;
using System.Text;
using HardNegRules.Permutation;
using HardNegRules.Rules.Compilation;

namespace HardNegRules.Benchmarks;

/// <summary>
/// How rule compilation grows with the vocabulary: <c>-- --compile-scaling 2000,8000,32000</c> compiles generated
/// vocabularies of those sizes (one concept of policy any and one of policy same-category, with variants, multiword
/// terms, synonym and never-swap groups, contexts and blocked phrases) and prints the time and memory of each step.
/// </summary>
public static class CompileScaling
{
    /// <summary>Runs the measurement for each size.</summary>
    /// <param name="sizes">Numbers of terms.</param>
    public static void Run(IEnumerable<int> sizes)
    {
        foreach (int size in sizes)
        {
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var sources = new[]
            {
                new RuleSource("rules/things.yaml", RulePaths.DefaultPack, Vocabulary("things", "any", size / 2, seed: 1)),
                new RuleSource("rules/kinds.yaml", RulePaths.DefaultPack, Vocabulary("kinds", "same-category", size - (size / 2), seed: 2)),
            };
            long start = Stopwatch.GetTimestamp();
            RuleCompilation compilation = RuleCompiler.Compile(sources);
            double compile = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (compilation.HasErrors)
            {
                Console.WriteLine(string.Join(Environment.NewLine, compilation.Diagnostics.Take(5)));
                return;
            }

            start = Stopwatch.GetTimestamp();
            var permuter = new InterpretedPermuter(compilation.Packs[0]);
            double build = Stopwatch.GetElapsedTime(start).TotalSeconds;
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            int negatives = permuter.Permute("a t00001 next to a k00002 and a t00003 t00004", 3, new NegativeSeed(1)).Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"terms {size,7:N0}  entries {compilation.Packs[0].Entries.Count,7:N0}  compile {compile,7:F2} s  interpreter tables {build,6:F2} s  allocated {allocated / 1e6,8:F0} MB  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,6:F0} MB  (negatives of a test caption: {negatives})"));
        }
    }

    /// <summary>A generated rule file of <paramref name="terms"/> terms.</summary>
    /// <param name="concept">The concept's name (its terms are named by its first letter and a number).</param>
    /// <param name="policy">"any" or "same-category".</param>
    /// <param name="terms">The number of terms.</param>
    /// <param name="seed">The seed of the random choices.</param>
    /// <returns>The YAML text.</returns>
    public static string Vocabulary(string concept, string policy, int terms, int seed)
    {
        var random = new Random(seed);
        char letter = concept[0];
        string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"{letter}{i:D5}");
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"concept: {concept}\npolicy: {policy}\ninflection: noun\nkinds: [replace, swap]\n");
        yaml.Append(policy == "any" ? "terms:\n" : "categories:\n");
        for (int i = 0; i < terms; i++)
        {
            if (policy != "any" && i % 50 == 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  c{i / 50}:\n");
            }

            string indent = policy == "any" ? "  " : "    ";
            // Every tenth term has a variant, every twentieth is two words.
            string name = i % 20 == 7 ? $"{Name(i)} x{i % 97}" : Name(i);
            yaml.Append(indent).Append("- ").Append(name);
            yaml.Append(i % 10 == 3 ? string.Create(CultureInfo.InvariantCulture, $": {{ variants: [{Name(i)}v] }}\n") : "\n");
        }

        yaml.Append("synonyms:\n");
        for (int i = 0; i + 1 < terms; i += 40)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - [{Name(i)}, {Name(i + 1)}]\n");
        }

        yaml.Append("never-swap:\n");
        for (int i = 2; i + 1 < terms; i += 40)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - [{Name(i)}, {Name(Math.Min(terms - 1, i + 1 + random.Next(3)))}]\n");
        }

        yaml.Append("blocked:\n");
        for (int i = 5; i < terms; i += 100)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {Name(i)} juice\n");
        }

        yaml.Append("contexts:\n");
        for (int i = 9; i < terms; i += 100)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - term: {Name(i)}\n    not-before: [is, on]\n");
        }

        return yaml.ToString();
    }
}
