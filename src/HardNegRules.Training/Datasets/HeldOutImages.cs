using System.Globalization;
using HardNegRules.Data.Loaders;

namespace HardNegRules.Training.Datasets;

/// <summary>
/// Draws a held-out split by image, so no held-out image is ever trained on with another of its captions: each image
/// gets a seeded hash of its path below the folder all the images share, and the images with the smallest hashes are
/// held out. The split depends only on the seed and those relative paths: not on file order, on how many pairs training
/// uses, or on where the data set lives (a copy of it elsewhere gives the same split).
/// </summary>
internal static class HeldOutImages
{
    /// <summary>Splits <paramref name="pairs"/> into training and held-out pairs.</summary>
    /// <param name="pairs">All pairs.</param>
    /// <param name="fraction">The share of images to hold out; at least one image is held out and one kept.</param>
    /// <param name="seed">The split's seed.</param>
    /// <returns>(train, held out), each in the input order.</returns>
    public static (List<ImageCaptionPair> Train, List<ImageCaptionPair> HeldOut) Split(IReadOnlyList<ImageCaptionPair> pairs, double fraction, ulong seed)
    {
        int root = SharedFolderLength(pairs);
        string KeyOf(ImageCaptionPair pair) => pair.Image.Path is { } path ? path[root..] : pair.Image.Name ?? pair.Id;
        string[] images = [.. pairs.Select(KeyOf).Distinct(StringComparer.Ordinal)];
        int count = images.Length < 2 ? 0 : Math.Clamp((int)Math.Round(fraction * images.Length), 1, images.Length - 1);
        var heldOut = images
            .OrderBy(image => NegativeSeed.For(seed, image, 0).Value)
            .ThenBy(image => image, StringComparer.Ordinal)
            .Take(count)
            .ToHashSet(StringComparer.Ordinal);
        var train = new List<ImageCaptionPair>();
        var test = new List<ImageCaptionPair>();
        foreach (ImageCaptionPair pair in pairs)
        {
            (heldOut.Contains(KeyOf(pair)) ? test : train).Add(pair);
        }
        return (train, test);
    }

    /// <summary>A description of the split for logs and reports.</summary>
    public static string Describe(double fraction, ulong seed) =>
        string.Create(CultureInfo.InvariantCulture, $"{fraction:0.###} of the images, drawn with seed {seed}");

    // The length of the folder path (with its separator) that every image file's path starts with; 0 when there is none.
    private static int SharedFolderLength(IReadOnlyList<ImageCaptionPair> pairs)
    {
        string? shared = null;
        foreach (ImageCaptionPair pair in pairs)
        {
            if (pair.Image.Path is not { } path)
            {
                continue;
            }

            int length = path.LastIndexOfAny(['/', Path.DirectorySeparatorChar]) + 1;
            if (shared is null)
            {
                shared = path[..length];
                continue;
            }

            int common = shared.AsSpan().CommonPrefixLength(path.AsSpan(0, length));
            shared = shared[..(shared.AsSpan(0, common).LastIndexOfAny('/', Path.DirectorySeparatorChar) + 1)];
        }

        return shared?.Length ?? 0;
    }
}
