using Parquet;
using Parquet.Schema;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads a binary or text column of one row group into one value per row, null where the row has none. Parquet.Net's
/// ReadAsync packs the values of a field nested in a struct (HF's image {bytes, path}) without their nulls, which
/// would shift later rows onto earlier ones; the definition levels say which rows have a value, so they are used here.
/// </summary>
internal static class ParquetColumnReader
{
    public static async Task<byte[]?[]> ReadBinaryAsync(ParquetRowGroupReader rows, DataField field, CancellationToken cancellationToken)
    {
        (ReadOnlyMemory<byte>[] values, int[] levels) = await ReadRawAsync<ReadOnlyMemory<byte>>(rows, field, cancellationToken).ConfigureAwait(false);
        return Spread(values, levels, field, value => value.ToArray());
    }

    public static async Task<string?[]> ReadTextAsync(ParquetRowGroupReader rows, DataField field, CancellationToken cancellationToken)
    {
        (ReadOnlyMemory<char>[] values, int[] levels) = await ReadRawAsync<ReadOnlyMemory<char>>(rows, field, cancellationToken).ConfigureAwait(false);
        return Spread(values, levels, field, value => value.ToString());
    }

    private static async Task<(T[] Values, int[] Levels)> ReadRawAsync<T>(ParquetRowGroupReader rows, DataField field, CancellationToken cancellationToken)
        where T : struct
    {
        int rowCount = checked((int)rows.RowCount);
        var values = new T[rowCount];
        var levels = new int[rowCount];
        await rows.ReadRawAsync(field, values.AsMemory(), field.MaxDefinitionLevel > 0 ? levels.AsMemory() : null, null, cancellationToken).ConfigureAwait(false);
        return (values, levels);
    }

    private static TResult?[] Spread<TValue, TResult>(TValue[] values, int[] levels, DataField field, Func<TValue, TResult> convert)
        where TResult : class
    {
        var result = new TResult?[values.Length];
        int next = 0;
        for (int row = 0; row < result.Length; row++)
        {
            // Values come packed: only rows defined down to the leaf have one.
            if (field.MaxDefinitionLevel == 0 || levels[row] == field.MaxDefinitionLevel)
            {
                result[row] = convert(values[next++]);
            }
        }

        return result;
    }
}
