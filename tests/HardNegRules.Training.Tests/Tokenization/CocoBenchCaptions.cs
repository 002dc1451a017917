using System.Text.Json;

namespace HardNegRules.Training.Tests.Tokenization;

/// <summary>The captions of the COCO captions file named by <c>CLIP_BENCH_CAPTIONS</c>, for the explicit tokenizer
/// tests (the file is not part of the repository).</summary>
internal static class CocoBenchCaptions
{
    /// <summary>Reads the captions, or ignores the calling test when the variable names no file.</summary>
    public static List<string> ReadOrIgnore()
    {
        string? path = Environment.GetEnvironmentVariable("CLIP_BENCH_CAPTIONS");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            Assert.Ignore("Set CLIP_BENCH_CAPTIONS to a COCO captions JSON file.");
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.GetProperty("annotations").EnumerateArray()
            .Select(annotation => annotation.GetProperty("caption").GetString() ?? string.Empty)];
    }
}
