using System.Text.Json;

namespace HardNegRules.Tests;

/// <summary>Fashion-IQ captions (the relative captions of <c>cap.*.json</c>), each with an id: file/record/index.</summary>
internal static class FashionIqSample
{
    /// <summary>The repository's sample (tests/data/fashion-iq, copied beside the tests): 1,800 captions.</summary>
    public static List<(string Id, string Caption)> Captions() =>
        Read(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "fashion-iq"), "*.json").Order(StringComparer.Ordinal));

    /// <summary>The captions of Fashion-IQ caption files, in file order.</summary>
    public static List<(string Id, string Caption)> Read(IEnumerable<string> files)
    {
        var captions = new List<(string, string)>();
        foreach (string file in files)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            int record = 0;
            foreach (JsonElement pair in document.RootElement.EnumerateArray())
            {
                int n = 0;
                foreach (JsonElement caption in pair.GetProperty("captions").EnumerateArray())
                {
                    captions.Add(($"{Path.GetFileName(file)}/{record}/{n++}", caption.GetString()!));
                }

                record++;
            }
        }

        return captions;
    }
}
