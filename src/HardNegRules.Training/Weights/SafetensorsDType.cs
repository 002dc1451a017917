namespace HardNegRules.Training.Weights;

/// <summary>
/// The element types a safetensors header may name. All are recognised so that a file holding, say, int64 buffers next
/// to its float weights still opens; only <see cref="F32"/>, <see cref="F16"/> and <see cref="BF16"/> can be read as floats.
/// </summary>
public enum SafetensorsDType
{
    /// <summary>IEEE 754 single precision.</summary>
    F32,

    /// <summary>IEEE 754 half precision.</summary>
    F16,

    /// <summary>bfloat16: the upper 16 bits of a single.</summary>
    BF16,

    /// <summary>IEEE 754 double precision.</summary>
    F64,

    /// <summary>Signed 64-bit integer.</summary>
    I64,

    /// <summary>Signed 32-bit integer.</summary>
    I32,

    /// <summary>Signed 16-bit integer.</summary>
    I16,

    /// <summary>Signed 8-bit integer.</summary>
    I8,

    /// <summary>Unsigned 8-bit integer.</summary>
    U8,

    /// <summary>Boolean, one byte each.</summary>
    Bool,
}

/// <summary>Names and sizes of <see cref="SafetensorsDType"/> as the format spells them.</summary>
public static class SafetensorsDTypes
{
    /// <summary>Bytes per element.</summary>
    /// <param name="dtype">The element type.</param>
    /// <returns>1, 2, 4 or 8.</returns>
    public static int ElementSize(this SafetensorsDType dtype) => dtype switch
    {
        SafetensorsDType.F64 or SafetensorsDType.I64 => 8,
        SafetensorsDType.F32 or SafetensorsDType.I32 => 4,
        SafetensorsDType.F16 or SafetensorsDType.BF16 or SafetensorsDType.I16 => 2,
        SafetensorsDType.I8 or SafetensorsDType.U8 or SafetensorsDType.Bool => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown safetensors dtype."),
    };

    /// <summary>The header spelling ("F32", "BF16", "BOOL", ...).</summary>
    /// <param name="dtype">The element type.</param>
    /// <returns>The name written in a header's <c>dtype</c> field.</returns>
    public static string HeaderName(this SafetensorsDType dtype) =>
        dtype == SafetensorsDType.Bool ? "BOOL" : dtype.ToString();

    /// <summary>Parses a header's <c>dtype</c> field.</summary>
    /// <param name="name">The field's value, e.g. "F16".</param>
    /// <param name="dtype">The element type, when recognised.</param>
    /// <returns>False for a name this reader does not know (e.g. "F8_E4M3").</returns>
    public static bool TryParse(string name, out SafetensorsDType dtype)
    {
        foreach (SafetensorsDType candidate in Enum.GetValues<SafetensorsDType>())
        {
            if (string.Equals(candidate.HeaderName(), name, StringComparison.Ordinal))
            {
                dtype = candidate;
                return true;
            }
        }
        dtype = default;
        return false;
    }
}
