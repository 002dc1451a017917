using HardNegRules.Data.IO;
using HardNegRules.Negatives;

namespace HardNegRules.Data.Captions;

/// <summary>Opens a captions file (text, JSONL or COCO JSON) as a source of UTF-8 caption batches.</summary>
public static class CaptionSources
{
    /// <summary>Opens <paramref name="path"/>: checks that it is a regular file and text, then reads it record by record.</summary>
    /// <param name="path">The file.</param>
    /// <param name="onError">Called, on the reading thread, for each record that cannot be read (then skipped).</param>
    /// <param name="format">The format; detected when null.</param>
    /// <returns>The source; dispose it.</returns>
    /// <exception cref="IOException">The file is missing, not a regular file, or not text (a <see cref="CaptionInputException"/>).</exception>
    public static ICaptionSource Open(string path, Action<CaptionReadError> onError, CaptionFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(onError);
        FileStatus.RequireRegularFile(path, "input");
        return (format ?? CaptionFileReader.Detect(path)) switch
        {
            CaptionFormat.Text => new LineCaptionSource(path, jsonl: false, onError),
            CaptionFormat.Jsonl => new LineCaptionSource(path, jsonl: true, onError),
            _ => new CocoCaptionSource(path, onError),
        };
    }
}
