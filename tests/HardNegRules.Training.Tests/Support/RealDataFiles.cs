using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Training.Tests.Support;

/// <summary>Small real-data layouts written by tests: PNG images and COCO, Karpathy and Fashion200K label files.</summary>
internal static class RealDataFiles
{
    /// <summary>Writes a seeded noise PNG of the given size.</summary>
    public static void WritePng(string path, int width, int height, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(seed);
        using var image = new Image<Rgb24>(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }
        }
        image.SaveAsPng(path);
    }

    /// <summary>A COCO captions JSON over images img0.png ... with <paramref name="captionsPerImage"/> captions each.</summary>
    public static void WriteCocoCaptions(string path, int images, int captionsPerImage)
    {
        var imageEntries = Enumerable.Range(0, images).Select(i => $"{{\"id\": {i + 1}, \"file_name\": \"img{i}.png\"}}");
        var annotations = Enumerable.Range(0, images * captionsPerImage).Select(a =>
            $"{{\"id\": {a + 100}, \"image_id\": {(a / captionsPerImage) + 1}, \"caption\": \"a red dog on the left of a small car {a}\"}}");
        File.WriteAllText(path, $"{{\"images\": [{string.Join(", ", imageEntries)}], \"annotations\": [{string.Join(", ", annotations)}]}}");
    }

    /// <summary>A COCO folder: captions.json (see <see cref="WriteCocoCaptions"/>) and its 8x8 images img0.png ....</summary>
    /// <returns>The captions file.</returns>
    public static string WriteCocoFolder(string folder, int images, int captionsPerImage)
    {
        string captions = Path.Combine(folder, "captions.json");
        WriteCocoCaptions(captions, images, captionsPerImage);
        for (int i = 0; i < images; i++)
        {
            WritePng(Path.Combine(folder, $"img{i}.png"), 8, 8, i);
        }
        return captions;
    }

    /// <summary>Karpathy's dataset_coco.json form: the first images train, the next restval, then val and test.</summary>
    public static void WriteKarpathy(string path, params string[] splits)
    {
        var entries = splits.Select((split, i) =>
            $"{{\"filepath\": \"imgs\", \"filename\": \"img{i}.png\", \"split\": \"{split}\", \"cocoid\": {i}, " +
            $"\"sentences\": [{{\"raw\": \"a blue cat {i}\", \"sentid\": {i * 10}}}, {{\"raw\": \"a green cup {i}\", \"sentid\": {(i * 10) + 1}}}]}}");
        File.WriteAllText(path, $"{{\"images\": [{string.Join(", ", entries)}], \"dataset\": \"coco\"}}");
    }
}
