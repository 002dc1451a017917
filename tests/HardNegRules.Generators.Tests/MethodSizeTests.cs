using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace HardNegRules.Generators.Tests;

/// <summary>
/// However large a pack grows, the generated permuter is data (its tables and the trie the automaton is built from, as
/// text), not code: every method is tiny, so nothing comes near the JIT's limits (a method over 60 KB of IL is compiled
/// without optimization) and the compiler has nothing to bind but two string constants.
/// </summary>
public class MethodSizeTests
{
    [Test]
    public void A_large_pack_compiles_to_data_and_small_methods()
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
        Assert.That(code, Does.Contain("private const string TrieText"));
        Assert.That(code, Does.Contain("private const string TablesText"));
        Assert.That(code, Does.Not.Contain("switch"), "matching is the runtime's automaton over this data");

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.That(emit.Success, Is.True, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var sizes = metadata.MethodDefinitions
            .Select(h => metadata.GetMethodDefinition(h))
            .Where(m => m.RelativeVirtualAddress != 0)
            .Select(m => pe.GetMethodBody(m.RelativeVirtualAddress).Size)
            .ToList();
        Assert.That(sizes, Is.Not.Empty);
        Assert.That(sizes.Max(), Is.LessThan(200));
    }
}
