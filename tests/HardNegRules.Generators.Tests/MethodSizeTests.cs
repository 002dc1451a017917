using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace HardNegRules.Generators.Tests;

/// <summary>
/// However large a pack grows, the generated matcher is split into methods small enough for the JIT to optimize (a
/// method over 60 KB of IL is compiled without optimization).
/// </summary>
public class MethodSizeTests
{
    [Test]
    public void A_large_pack_is_split_into_small_methods_that_compile()
    {
        // 1,200 distinct made-up words of 6 to 11 letters, so every first letter leads a subtree of hundreds of nodes;
        // in categories of 10, so the replacement tables stay small.
        var random = new Random(17);
        var words = new SortedSet<string>(StringComparer.Ordinal);
        while (words.Count < 1200)
        {
            words.Add(new string([.. Enumerable.Range(0, random.Next(6, 12)).Select(_ => (char)('a' + random.Next(26)))]));
        }

        string yaml = "concept: thing\npolicy: same-category\ncategories:\n" +
            string.Concat(words.Chunk(10).Select((chunk, i) => $"  c{i}: [{string.Join(", ", chunk)}]\n"));
        var (_, result, output) = GeneratorHarness.Run(("/repo/rules/thing.yaml", yaml));
        Assert.That(result.Diagnostics, Is.Empty);
        string code = result.GeneratedSources.Single().SourceText.ToString();
        Assert.That(code, Does.Contain("// Rule texts that start with \"t\".").And.Contain("private static void Match_t("));

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.That(emit.Success, Is.True, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        int largest = metadata.MethodDefinitions
            .Select(h => metadata.GetMethodDefinition(h))
            .Where(m => m.RelativeVirtualAddress != 0)
            .Max(m => pe.GetMethodBody(m.RelativeVirtualAddress).Size);
        // The tables' constructor is data, not matching code; matchers stay far below the JIT's limit.
        var matcherSizes = metadata.MethodDefinitions
            .Select(h => metadata.GetMethodDefinition(h))
            .Where(m => m.RelativeVirtualAddress != 0 && metadata.GetString(m.Name) is var name && (name.StartsWith("Match", StringComparison.Ordinal)))
            .Select(m => pe.GetMethodBody(m.RelativeVirtualAddress).Size)
            .ToList();
        Assert.That(matcherSizes, Has.Count.GreaterThan(26));
        Assert.That(matcherSizes.Max(), Is.LessThan(16_000), "far below the JIT's 60 KB limit for optimizing a method");
        Assert.That(largest, Is.GreaterThan(0));
    }
}
