using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Benchmarks;

/// <summary>
/// Random images and captions of realistic length for throughput measurements: what is measured is the cost of the
/// step, which does not depend on what the pixels or ids mean.
/// </summary>
internal sealed class SyntheticBenchmarkData : IImageTextDataset, IHardNegativeSource
{
    // A caption of 12-16 BPE tokens plus start and end, like a typical COCO caption.
    private const int MinimumWords = 12;
    private readonly ImageTextSample[] _samples;
    private readonly int _vocabularySize;

    public SyntheticBenchmarkData(int count, int imageSize, int vocabularySize, int seed)
    {
        _vocabularySize = vocabularySize;
#pragma warning disable CA5394 // synthetic benchmark data, not security
        var random = new Random(seed);
        _samples = new ImageTextSample[count];
        for (int i = 0; i < count; i++)
        {
            var pixels = new float[3 * imageSize * imageSize];
            for (int p = 0; p < pixels.Length; p++)
            {
                pixels[p] = (float)(random.NextDouble() * 2 - 1);
            }
            _samples[i] = new ImageTextSample(pixels, $"synthetic caption {i}", $"s{i}");
        }
#pragma warning restore CA5394
    }

    public int Count => _samples.Length;

    public ImageTextSample GetSample(int index) => _samples[index];

    public IReadOnlyList<string> Negatives(string caption, string captionId, int epoch, int k) =>
        Enumerable.Range(0, k).Select(j => $"{caption} negative {epoch} {j}").ToList();

    /// <summary>Ids derived from the text's hash: start, 12-16 words, end (the vocabulary's highest id, as in CLIP).</summary>
    public long[] Tokenize(string text)
    {
#pragma warning disable CA5394 // ids only need to vary, not to be unpredictable
        var random = new Random(StableHash(text));
        int words = MinimumWords + random.Next(5);
        var ids = new long[words + 2];
        ids[0] = _vocabularySize - 2;
        for (int w = 1; w <= words; w++)
        {
            ids[w] = random.Next(1, _vocabularySize - 2);
        }
#pragma warning restore CA5394
        ids[^1] = _vocabularySize - 1;
        return ids;
    }

    // string.GetHashCode is randomised per process; the benchmark should do the same work in every run.
    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = (int)2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }
            return hash;
        }
    }
}
