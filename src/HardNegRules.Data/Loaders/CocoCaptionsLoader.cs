using System.Text.Json;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads a COCO captions file (captions_train2017.json: "images" with id and file_name, "annotations" with id,
/// image_id and caption) with its image folder, pairing each caption with its image file by image_id. Two streamed
/// passes over the file: the first keeps only the image_id -> file_name map, the second hands out the captions.
/// </summary>
public static class CocoCaptionsLoader
{
    /// <summary>The pairs, in annotation order.</summary>
    /// <param name="annotationsPath">The captions JSON.</param>
    /// <param name="imageFolder">The folder holding the images (e.g. val2017/).</param>
    /// <param name="report">Where unreadable annotations, unknown image ids and missing image files are reported.</param>
    /// <param name="requireImageFiles">Skip (and report) captions whose image file is not in the folder.</param>
    /// <param name="allowAbsolutePaths">Accept absolute <c>file_name</c>s (see <see cref="DataRoot"/>).</param>
    /// <returns>The pairs; their <see cref="ImageCaptionPair.Id"/> is the annotation id.</returns>
    /// <exception cref="DataFileException">The file is not JSON, is cut short, or lacks the "images" or "annotations" array.</exception>
    public static IEnumerable<ImageCaptionPair> Read(string annotationsPath, string imageFolder, DataLoadReport report, bool requireImageFiles = true, bool allowAbsolutePaths = false)
    {
        ArgumentNullException.ThrowIfNull(annotationsPath);
        ArgumentNullException.ThrowIfNull(imageFolder);
        ArgumentNullException.ThrowIfNull(report);
        var root = new DataRoot(imageFolder, allowAbsolutePaths);
        Dictionary<string, string> files = ReadImageFiles(annotationsPath, report);
        foreach ((long index, JsonElement annotation) in JsonArrayStream.Read(annotationsPath, "annotations"))
        {
            string? caption = JsonFields.String(annotation, "caption", out string? error);
            string? imageId = JsonFields.Id(annotation, "image_id");
            string? id = JsonFields.Id(annotation, "id");
            string? imagePath = null;
            string? problem = caption is null ? error
                : imageId is null ? "missing an \"image_id\""
                : id is null ? "missing an \"id\""
                : !files.TryGetValue(imageId, out string? file) ? $"image_id {imageId} is not in \"images\""
                : (imagePath = root.Resolve(file, out string? outside)) is null ? $"image_id {imageId}: {outside}"
                : requireImageFiles && !File.Exists(imagePath) ? $"image file {file} (image_id {imageId}) is not in {imageFolder}"
                : null;
            if (problem is not null)
            {
                report.Add(DataLoadError.AtRecord(annotationsPath, index, $"annotation {index}: {problem}"));
                continue;
            }

            report.CountRecord();
            yield return new ImageCaptionPair(id!, caption!, ImageReference.FromFile(imagePath!));
        }
    }

    /// <summary>The image_id -> file_name map of a COCO file's "images" array; bad entries are reported.</summary>
    /// <param name="annotationsPath">The COCO JSON.</param>
    /// <param name="report">Where bad image entries are reported.</param>
    /// <returns>The map (image ids as text, as <see cref="JsonFields.Id"/> writes them).</returns>
    /// <exception cref="DataFileException">The file is not JSON, is cut short, or lacks the "images" array.</exception>
    public static Dictionary<string, string> ReadImageFiles(string annotationsPath, DataLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((long index, JsonElement image) in JsonArrayStream.Read(annotationsPath, "images"))
        {
            string? file = JsonFields.String(image, "file_name", out string? error);
            string? id = JsonFields.Id(image, "id");
            if (file is null || id is null)
            {
                report.Add(DataLoadError.AtRecord(annotationsPath, index, $"image {index}: {error ?? "missing an \"id\""}"));
                continue;
            }

            if (!files.TryAdd(id, file))
            {
                report.Add(DataLoadError.AtRecord(annotationsPath, index, $"image {index}: id {id} appears twice"));
            }
        }

        return files;
    }
}
