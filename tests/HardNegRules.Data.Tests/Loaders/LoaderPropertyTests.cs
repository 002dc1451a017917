using System.Text;
using CsCheck;
using HardNegRules.Data.Loaders;

namespace HardNegRules.Data.Tests.Loaders;

/// <summary>
/// Whatever a training data file holds (random bytes, random text, random JSON trees), the loaders end in one of two
/// ways: records handed out with every skipped record reported at its place, or a <see cref="DataFileException"/> that
/// names the file. Never another exception. One thread: every case writes the same files.
/// </summary>
[NonParallelizable]
public class LoaderPropertyTests : LoaderTestFiles
{
    private const string Seed = "0N0XIzNsQ0O2";

    private static readonly string[] JsonKeys =
    [
        "images", "annotations", "sentences", "raw", "filename", "filepath", "file_name", "split", "id", "image_id", "caption",
        "sentid", "x",
    ];

    private static readonly string[] JsonScalars =
    [
        "\"train\"", "\"test\"", "\"a.jpg\"", "\"../../etc/passwd\"", "\"/etc/passwd\"", "\"a red car\"", "\"\"", "null", "true", "3",
        "-1.5e3", "\"\\u00e9\"", "\"\\ud800\"",
    ];

    private bool Holds(byte[] bytes)
    {
        string images = Path.Combine(Dir, "images");
        Directory.CreateDirectory(images);
        string file = Path.Combine(Dir, "data.bin");
        File.WriteAllBytes(file, bytes);
        File.WriteAllBytes(Path.Combine(images, "captions.jsonl"), bytes);
        return Ends(() => KarpathyCocoLoader.Read(file, images, Report(file)).Count())
            && Ends(() => CocoCaptionsLoader.Read(file, images, Report(file), requireImageFiles: false).Count())
            && Ends(() => CaptionTableLoader.Read(file, new DelimitedTableOptions { ImageRoot = images }, Report(file)).Count())
            && Ends(() => NegClipTsvLoader.Read(file, Report(file), images).Count())
            && Ends(() => ImageFolderLoader.Read(images, "captions.jsonl", Report(null), requireImageFiles: false).Count())
            && Ends(() => Fashion200KLoader.ReadLabelFile(file, images, "dress", "train", Report(file), requireImageFiles: false).Count());
    }

    // Every reported error names a file and, for records, a place.
    private static DataLoadReport Report(string? file) => new(error =>
    {
        if (string.IsNullOrEmpty(error.Path) || (file is not null && error.Path != file && !error.Message.Contains("image", StringComparison.Ordinal)))
        {
            throw new AssertionException($"unlocated error: {error}");
        }
    });

    private static bool Ends(Func<int> read)
    {
        try
        {
            read();
            return true;
        }
        catch (DataFileException e)
        {
            return e.Message.Contains("data.bin", StringComparison.Ordinal);
        }
    }

    [Test]
    public void Random_bytes()
    {
        Gen.Byte.Array[0, 800].SampleFixed(Holds, iter: 150, seed: Seed);
    }

    [Test]
    public void Random_utf8_text()
    {
        Gen.String.SampleFixed(text => Holds(Encoding.UTF8.GetBytes(text)), iter: 150, seed: Seed);
    }

    [Test]
    public void Random_json_trees_of_coco_and_karpathy_keys_whole_or_cut()
    {
        Gen.Int.Select(Gen.Int[0, 100]).SampleFixed((seed, cutPercent) =>
        {
            byte[] json = Encoding.UTF8.GetBytes(Json(new Random(seed), 0));
            return Holds(json[..(json.Length * cutPercent / 100)]) && Holds(json);
        }, iter: 150, seed: Seed);
    }

    private static string Json(Random random, int depth)
    {
        int kind = depth > 4 ? 0 : random.Next(depth == 0 ? 1 : 0, 3);
        switch (kind)
        {
            case 0:
                return JsonScalars[random.Next(JsonScalars.Length)];
            case 1:
                var entries = Enumerable.Range(0, random.Next(0, 5)).Select(_ => $"\"{JsonKeys[random.Next(JsonKeys.Length)]}\": {Json(random, depth + 1)}");
                return "{" + string.Join(", ", entries) + "}";
            default:
                return "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Json(random, depth + 1))) + "]";
        }
    }
}
