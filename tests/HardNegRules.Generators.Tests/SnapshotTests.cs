using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace HardNegRules.Generators.Tests;

/// <summary>
/// The whole generated text of one small pack, and the whole list of diagnostics of a broken one, against baselines
/// checked in under Snapshots/. After an intended change, rewrite them with <c>HARDNEG_UPDATE_SNAPSHOTS=1 dotnet test
/// tests/HardNegRules.Generators.Tests --filter SnapshotTests</c> and review the diff.
/// </summary>
public class SnapshotTests
{
    private const string Colors = """
        concept: color
        kinds: { replace: 1, swap: 0.5 }
        terms:
          - red
          - blue
          - light blue: { weight: 0.3 }
          - gray: { variants: [grey] }
          - orange
        synonyms: [[gray, light blue]]
        never-swap: [[blue, light blue]]
        blocked:
          - red light
        contexts:
          - term: orange
            not-before: [juice, "."]
        """;

    private const string Sizes = """
        concept: size
        policy: opposite
        terms:
          - big: { comparative: bigger }
          - small: { comparative: smaller }
        opposites: [[big, small]]
        """;

    private const string Broken = """
        concept: color
        policy: sometimes
        terms: [red, red, blue]
        synonyms: [[red, purple]]
        colour: true
        """;

    [Test]
    public void Generated_code_of_a_small_pack_matches_its_baseline()
    {
        var (_, result, output) = GeneratorHarness.Run(("/repo/rules/color.yaml", Colors), ("/repo/rules/size.yaml", Sizes));
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        Verify("DefaultPermuter.verified.cs", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Test]
    public void Diagnostics_of_a_broken_pack_match_their_baseline()
    {
        var (_, result, _) = GeneratorHarness.Run(("/repo/rules/color.yaml", Broken));
        Assert.That(result.GeneratedSources, Is.Empty);
        Verify("Diagnostics.verified.txt", string.Join("\n", result.Diagnostics.Select(d => d.ToString())) + "\n");
    }

    private static void Verify(string name, string actual, [CallerFilePath] string testFile = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots", name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("HARDNEG_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Warn($"Rewrote {path}: review the diff.");
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"No baseline {path}: run with HARDNEG_UPDATE_SNAPSHOTS=1 to write it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            string[] e = expected.Split('\n');
            string[] a = actual.Split('\n');
            int line = Enumerable.Range(0, Math.Max(e.Length, a.Length)).First(i => i >= e.Length || i >= a.Length || e[i] != a[i]);
            Assert.Fail($"{name} differs from its baseline at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\n" +
                "Run with HARDNEG_UPDATE_SNAPSHOTS=1 to accept the new text.");
        }
    }
}
