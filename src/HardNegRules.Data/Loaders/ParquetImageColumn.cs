using Parquet.Schema;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Where a parquet file keeps an image column: a plain binary column, or the struct {bytes, path} that Hugging Face
/// datasets write for an Image feature (path is the original file name, and may be null).
/// </summary>
/// <param name="Bytes">The binary field with the encoded image.</param>
/// <param name="Name">The struct's "path" field, or null for a plain binary column.</param>
internal sealed record ParquetImageColumn(DataField Bytes, DataField? Name)
{
    /// <summary>The image column called <paramref name="column"/>, or null when the schema has none of either shape.</summary>
    public static ParquetImageColumn? Find(ParquetSchema schema, string column)
    {
        DataField[] fields = schema.GetDataFields();
        DataField? plain = fields.FirstOrDefault(f => IsAt(f, column) && IsBinary(f));
        if (plain is not null)
        {
            return new ParquetImageColumn(plain, null);
        }

        DataField? bytes = fields.FirstOrDefault(f => IsAt(f, column, "bytes") && IsBinary(f));
        DataField? name = fields.FirstOrDefault(f => IsAt(f, column, "path") && IsText(f));
        return bytes is null ? null : new ParquetImageColumn(bytes, name);
    }

    /// <summary>The plain string column called <paramref name="column"/>, or null.</summary>
    public static DataField? FindText(ParquetSchema schema, string column) =>
        schema.GetDataFields().FirstOrDefault(f => IsAt(f, column) && IsText(f));

    // Parquet.Net 6 reports binary and UTF-8 columns as ReadOnlyMemory of byte and char; older writers' schemas as byte[] and string.
    private static bool IsBinary(DataField field) => field.ClrType == typeof(byte[]) || field.ClrType == typeof(ReadOnlyMemory<byte>);

    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static bool IsAt(DataField field, params string[] path) => field.Path.ToList().SequenceEqual(path, StringComparer.Ordinal);
}
