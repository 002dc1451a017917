using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Tests.Support;

/// <summary>
/// Synthetic pairs for trainer tests: uniformly coloured images and two-word captions "wA wB" (A, B in 0..7), with a
/// toy tokenizer whose end-of-text id is the vocabulary's highest, as in CLIP.
/// </summary>
internal static class ColorWorld
{
    public const int Vocabulary = 64;
    public const long StartOfText = 62;
    public const long EndOfText = 63;

    public static readonly ClipModelOptions TinyModel = new(
        EmbedDim: 32,
        Vision: new ConvTowerOptions(ImageSize: 16, Channels: [16, 32], CoordinateChannels: true),
        Text: new TextTowerOptions(Vocabulary, ClipModelOptions.ClipContextLength, Width: 32, Heads: 2, Layers: 1));

    /// <summary><paramref name="count"/> pairs (at most 64) with distinct captions and random distinct colours.</summary>
    public static InMemoryImageTextDataset Create(int count, int seed = 5, int imageSize = 16, bool pretokenize = false)
    {
        var random = new Random(seed);
        var samples = new List<ImageTextSample>();
        for (int i = 0; i < count; i++)
        {
            var pixels = new float[3 * imageSize * imageSize];
            for (int c = 0; c < 3; c++)
            {
                float value = (float)(random.NextDouble() * 2 - 1);
                pixels.AsSpan(c * imageSize * imageSize, imageSize * imageSize).Fill(value);
            }
            string caption = $"w{i / 8} w{i % 8}";
            ReadOnlyMemory<long>? tokens = pretokenize ? Tokenize(caption) : (ReadOnlyMemory<long>?)null;
            samples.Add(new ImageTextSample(pixels, caption, $"id{i}", tokens));
        }
        return new InMemoryImageTextDataset(samples);
    }

    /// <summary>"wA wB" -> [start, 1 + A, 9 + B, end]: word ids 1..8 in the first slot, 9..16 in the second.</summary>
    public static long[] Tokenize(string caption)
    {
        string[] words = caption.Split(' ');
        var ids = new List<long> { StartOfText };
        for (int w = 0; w < words.Length; w++)
        {
            ids.Add(1 + 8 * w + int.Parse(words[w].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
        }
        ids.Add(EndOfText);
        return [.. ids];
    }
}

/// <summary>
/// A test double for the rule engine: swaps the two words ("w1 w5" -> "w5 w1"), then offers "w(A+1) wB".
/// Deterministic in its arguments, as the real source must be.
/// </summary>
internal sealed class SwapWordsNegatives : IHardNegativeSource
{
    public List<(string CaptionId, int Epoch)> Calls { get; } = [];

    public IReadOnlyList<string> Negatives(string caption, string captionId, int epoch, int k)
    {
        lock (Calls)
        {
            Calls.Add((captionId, epoch));
        }
        string[] words = caption.Split(' ');
        var result = new List<string>();
        if (words[0] != words[1])
        {
            result.Add($"{words[1]} {words[0]}");
        }
        int first = int.Parse(words[0].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        result.Add($"w{(first + 1) % 8} {words[1]}");
        return result.Take(k).ToList();
    }
}
