using System.Globalization;
using HardNegRules.IO;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads Fashion200K: <c>labels/{category}_{split}_detect_all.txt</c> under the data set's root, one image a line,
/// tab-separated: the image path relative to the root, the detection score, the description
/// (<c>women/dresses/.../51727804_0.jpeg	0.87	black lace dress</c>).
/// </summary>
public static class Fashion200KLoader
{
    /// <summary>The five garment categories, as the label files name them.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["dress", "jacket", "pants", "skirt", "top"];

    /// <summary>The label file of a category and split.</summary>
    /// <param name="root">The data set's root folder.</param>
    /// <param name="category">One of <see cref="Categories"/>.</param>
    /// <param name="split">"train" or "test".</param>
    /// <returns>Its path.</returns>
    public static string LabelFile(string root, string category, string split) =>
        Path.Combine(root, "labels", $"{category}_{split}_detect_all.txt");

    /// <summary>The items of one split, category by category in <see cref="Categories"/> order.</summary>
    /// <param name="root">The data set's root: holds labels/ and the image folders the label files name.</param>
    /// <param name="split">"train" or "test".</param>
    /// <param name="report">Where missing label files, malformed lines and missing images are reported.</param>
    /// <param name="requireImageFiles">Skip (and report) lines whose image file does not exist.</param>
    /// <param name="allowAbsolutePaths">Accept absolute image paths (see <see cref="DataRoot"/>).</param>
    /// <returns>The items.</returns>
    public static IEnumerable<Fashion200KItem> Read(string root, string split, DataLoadReport report, bool requireImageFiles = true, bool allowAbsolutePaths = false)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(report);
        foreach (string category in Categories)
        {
            string labels = LabelFile(root, category, split);
            if (!File.Exists(labels))
            {
                report.Add(DataLoadError.InFile(labels, "label file not found"));
                continue;
            }

            foreach (Fashion200KItem item in ReadLabelFile(labels, root, category, split, report, requireImageFiles, allowAbsolutePaths))
            {
                yield return item;
            }
        }
    }

    /// <summary>The items of one label file.</summary>
    /// <param name="labels">The label file.</param>
    /// <param name="root">The folder its image paths are relative to.</param>
    /// <param name="category">The category the items get.</param>
    /// <param name="split">The split the items get.</param>
    /// <param name="report">Where malformed lines and missing images are reported.</param>
    /// <param name="requireImageFiles">Skip (and report) lines whose image file does not exist.</param>
    /// <param name="allowAbsolutePaths">Accept absolute image paths (see <see cref="DataRoot"/>).</param>
    /// <returns>The items.</returns>
    public static IEnumerable<Fashion200KItem> ReadLabelFile(string labels, string root, string category, string split, DataLoadReport report, bool requireImageFiles = true, bool allowAbsolutePaths = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var dataRoot = new DataRoot(root, allowAbsolutePaths);
        foreach ((long line, string text) in RecordLines.Read(labels))
        {
            string[] fields = text.Split('\t');
            string? imagePath = null;
            string? problem = fields.Length != 3 ? $"expected 3 tab-separated fields (image path, detection score, description), found {fields.Length}"
                : fields[0].Trim().Length == 0 ? "empty image path"
                : !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double score) ? $"detection score '{fields[1]}' is not a number"
                : fields[2].Trim().Length == 0 ? "empty description"
                : (imagePath = dataRoot.Resolve(fields[0], out string? outside)) is null ? outside
                : requireImageFiles && !File.Exists(imagePath) ? $"image {fields[0].Trim()} not found under {root}"
                : null;
            if (problem is not null)
            {
                report.Add(DataLoadError.AtLine(labels, line, problem));
                continue;
            }

            string relative = fields[0].Trim();
            report.CountRecord();
            var pair = new ImageCaptionPair(relative, fields[2].Trim(), ImageReference.FromFile(imagePath!), split);
            yield return new Fashion200KItem(pair, category, double.Parse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }
}
