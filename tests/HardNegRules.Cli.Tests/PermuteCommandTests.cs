using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class PermuteCommandTests
{
    private const string Caption = "A man in a red shirt stands to the left of a small dog.";

    [Test]
    public void Gives_negatives_for_color_size_location_and_object()
    {
        Hardneg.Result result = Hardneg.Run("permute", Caption, "--k", "12", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        using var record = JsonDocument.Parse(result.Stdout);
        var concepts = record.RootElement.GetProperty("negatives").EnumerateArray().Select(n => n.GetProperty("concept").GetString()).ToHashSet();
        Assert.That(concepts, Is.SupersetOf(new[] { "color", "size", "location", "object" }));
        Assert.That(record.RootElement.GetProperty("caption").GetString(), Is.EqualTo(Caption));
    }

    [Test]
    public void Readable_output_groups_by_concept()
    {
        Hardneg.Result result = Hardneg.Run("permute", "a red car", "--concepts", "color", "--k", "2");
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("a red car").And.Contain("color").And.Contain("red ->"));
    }

    [Test]
    public void Unknown_concept_is_a_clear_error()
    {
        Hardneg.Result result = Hardneg.Run("permute", "a red car", "--concepts", "colour");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("'colour' is not a concept of pack 'default'"));
    }
}
