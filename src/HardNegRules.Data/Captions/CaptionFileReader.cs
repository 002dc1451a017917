using System.Text;
using HardNegRules.Data.IO;
using HardNegRules.Negatives;
using Microsoft.Win32.SafeHandles;

namespace HardNegRules.Data.Captions;

/// <summary>
/// Streams captions from text, JSONL or COCO captions files, one record at a time: memory does not grow with the file.
/// Bad records are reported through a callback with their file and line, counted, and skipped; they never stop the read.
/// A file broken as a whole (not text, a COCO file cut short or without "annotations") throws an <see cref="IOException"/>.
/// </summary>
public static class CaptionFileReader
{
    /// <summary>Tells the format from the file's name and first non-blank character.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The format.</returns>
    public static CaptionFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return CaptionFormat.Jsonl;
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return CaptionFormat.Coco;
        }

        // A .txt or extension-less file that starts with '{' is JSONL. Only regular files are opened: a FIFO would block.
        FileStatus.RequireRegularFile(path, "input");
        Span<byte> start = stackalloc byte[4096];
        int read;
        using (SafeFileHandle handle = File.OpenHandle(path))
        {
            read = RandomAccess.Read(handle, start, 0);
        }

        ReadOnlySpan<byte> text = start[..read];
        text = text.StartsWith("\uFEFF"u8) ? text[3..] : text;
        text = text.TrimStart(" \t\r\n"u8);
        return !text.IsEmpty && text[0] == (byte)'{' ? CaptionFormat.Jsonl : CaptionFormat.Text;
    }

    /// <summary>Reads captions in file order, as records of strings (see <see cref="CaptionSources"/> for the UTF-8 batches).</summary>
    /// <param name="path">The file.</param>
    /// <param name="onError">Called for each record that cannot be read.</param>
    /// <param name="format">The format; detected when null.</param>
    /// <returns>The captions, streamed.</returns>
    /// <exception cref="IOException">The file is not a readable captions file as a whole (thrown when enumerated).</exception>
    public static IEnumerable<CaptionRecord> Read(string path, Action<CaptionReadError> onError, CaptionFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(onError);
        return ReadBatches(path, onError, format);
    }

    private static IEnumerable<CaptionRecord> ReadBatches(string path, Action<CaptionReadError> onError, CaptionFormat? format)
    {
        using ICaptionSource source = CaptionSources.Open(path, onError, format);
        var batch = new CaptionBatch(256);
        while (source.Fill(batch))
        {
            for (int i = 0; i < batch.Count; i++)
            {
                yield return new CaptionRecord(
                    Encoding.UTF8.GetString(batch.Id(i)),
                    Encoding.UTF8.GetString(batch.Caption(i)),
                    batch.HasImageId(i) ? Encoding.UTF8.GetString(batch.ImageId(i)) : null,
                    batch.IdIsNumber(i),
                    batch.HasImageFile(i) ? Encoding.UTF8.GetString(batch.ImageFile(i)) : null);
            }

            batch.Clear();
        }
    }
}
