using System.Runtime.CompilerServices;
using HardNegRules.IO;
using Parquet;
using Parquet.Schema;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads InpaintCOCO (Hugging Face phiyodr/InpaintCOCO) parquet files: columns concept, coco_caption, coco_image,
/// inpaint_caption, inpaint_image, mask, worker, coco_details, inpaint_details, with images as encoded bytes (a plain
/// binary column or HF's {bytes, path} struct). Read one row group at a time, so memory is bounded by the file's row
/// group size rather than its size.
/// </summary>
public static class InpaintCocoLoader
{
    private static readonly string[] TextColumns = ["concept", "coco_caption", "inpaint_caption"];
    private static readonly string[] ImageColumns = ["coco_image", "inpaint_image"];

    /// <summary>The rows of one parquet file.</summary>
    /// <param name="path">The parquet file.</param>
    /// <param name="report">Where unreadable files and rows (missing caption, concept or image) are reported with their row index.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The rows, in file order.</returns>
    public static async IAsyncEnumerable<InpaintCocoRecord> ReadAsync(string path, DataLoadReport report, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        ParquetReader? reader = await OpenAsync(path, report, cancellationToken).ConfigureAwait(false);
        if (reader is null)
        {
            yield break;
        }

        await using (reader.ConfigureAwait(false))
        {
            InpaintCocoColumns? columns = InpaintCocoColumns.Find(reader.Schema, out string? missing);
            if (columns is null)
            {
                report.Add(DataLoadError.InFile(path, missing!));
                yield break;
            }

            long first = 0;
            for (int group = 0; group < reader.RowGroupCount; group++)
            {
                InpaintCocoColumnValues values;
                try
                {
                    using ParquetRowGroupReader rows = reader.OpenRowGroupReader(group);
                    values = await columns.ReadAsync(rows, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
                {
                    report.Add(DataLoadError.InFile(path, $"row group {group} is unreadable: {e.Message}"));
                    yield break;
                }

                for (int row = 0; row < values.Count; row++)
                {
                    if (values.ToRecord(row, first + row, out string? problem) is { } record)
                    {
                        report.CountRecord();
                        yield return record;
                    }
                    else
                    {
                        report.Add(DataLoadError.AtRecord(path, first + row, problem!));
                    }
                }

                first += values.Count;
            }
        }
    }

    private static async Task<ParquetReader?> OpenAsync(string path, DataLoadReport report, CancellationToken cancellationToken)
    {
        FileStream? stream = null;
        try
        {
            // Opened here, not by the parquet reader, so a pipe or device named like the file is refused, not waited on.
            stream = InputFile.OpenRead(path);
            return await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            report.Add(DataLoadError.InFile(path, $"not a readable parquet file: {e.Message}"));
            return null;
        }
    }

    /// <summary>The columns of an InpaintCOCO file, found in its schema.</summary>
    private sealed class InpaintCocoColumns
    {
        private readonly Dictionary<string, DataField> _text = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ParquetImageColumn> _images = new(StringComparer.Ordinal);

        public static InpaintCocoColumns? Find(ParquetSchema schema, out string? missing)
        {
            var columns = new InpaintCocoColumns();
            var absent = new List<string>();
            foreach (string name in TextColumns.Concat(["worker", "coco_details", "inpaint_details"]))
            {
                if (ParquetImageColumn.FindText(schema, name) is { } field)
                {
                    columns._text[name] = field;
                }
                else if (TextColumns.Contains(name))
                {
                    absent.Add(name);
                }
            }

            foreach (string name in ImageColumns.Append("mask"))
            {
                if (ParquetImageColumn.Find(schema, name) is { } image)
                {
                    columns._images[name] = image;
                }
                else if (ImageColumns.Contains(name))
                {
                    absent.Add(name);
                }
            }

            missing = absent.Count == 0 ? null
                : $"not an InpaintCOCO file: no {string.Join(", ", absent)} column (string columns concept and captions; images as binary or {{bytes, path}})";
            return absent.Count == 0 ? columns : null;
        }

        public async Task<InpaintCocoColumnValues> ReadAsync(ParquetRowGroupReader rows, CancellationToken cancellationToken)
        {
            int count = checked((int)rows.RowCount);
            var values = new InpaintCocoColumnValues(count);
            foreach ((string name, DataField field) in _text)
            {
                values.Text[name] = await ParquetColumnReader.ReadTextAsync(rows, field, cancellationToken).ConfigureAwait(false);
            }

            foreach ((string name, ParquetImageColumn image) in _images)
            {
                byte[]?[] bytes = await ParquetColumnReader.ReadBinaryAsync(rows, image.Bytes, cancellationToken).ConfigureAwait(false);
                string?[]? names = image.Name is null ? null
                    : await ParquetColumnReader.ReadTextAsync(rows, image.Name, cancellationToken).ConfigureAwait(false);

                values.Images[name] = (bytes, names);
            }

            return values;
        }
    }

    /// <summary>One row group's columns, and the rows made from them.</summary>
    private sealed class InpaintCocoColumnValues(int count)
    {
        public int Count { get; } = count;

        public Dictionary<string, string?[]> Text { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (byte[]?[] Bytes, string?[]? Names)> Images { get; } = new(StringComparer.Ordinal);

        public InpaintCocoRecord? ToRecord(int row, long index, out string? problem)
        {
            string? concept = TextAt("concept", row);
            string? cocoCaption = TextAt("coco_caption", row);
            string? inpaintCaption = TextAt("inpaint_caption", row);
            ImageReference? cocoImage = ImageAt("coco_image", row);
            ImageReference? inpaintImage = ImageAt("inpaint_image", row);
            problem = concept is null ? "empty concept"
                : cocoCaption is null ? "empty coco_caption"
                : inpaintCaption is null ? "empty inpaint_caption"
                : cocoImage is null ? "no coco_image bytes"
                : inpaintImage is null ? "no inpaint_image bytes"
                : null;
            if (problem is not null)
            {
                problem = $"row {index}: {problem}";
                return null;
            }

            string id = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new InpaintCocoRecord(index, concept!, new ImageCaptionPair(id, cocoCaption!, cocoImage!),
                new ImageCaptionPair(id, inpaintCaption!, inpaintImage!), ImageAt("mask", row),
                TextAt("worker", row), TextAt("coco_details", row), TextAt("inpaint_details", row));
        }

        private string? TextAt(string column, int row) =>
            Text.TryGetValue(column, out string?[]? values) && values[row]?.Trim() is { Length: > 0 } text ? text : null;

        private ImageReference? ImageAt(string column, int row) =>
            Images.TryGetValue(column, out var image) && image.Bytes[row] is { Length: > 0 } bytes
                ? ImageReference.FromBytes(bytes, image.Names?[row])
                : null;
    }
}
