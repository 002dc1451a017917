using System.Text.Json;

namespace HardNegRules.Training.Weights;

/// <summary>
/// Parses and validates a safetensors JSON header against the size of the data section that follows it, so that a
/// reader never seeks outside the file and every problem is reported with the tensor it concerns.
/// </summary>
internal static class SafetensorsHeader
{
    /// <summary>The reference implementation refuses headers above 100 MB; a larger length means a corrupt file.</summary>
    public const long MaxHeaderLength = 100_000_000;

    public const string MetadataKey = "__metadata__";

    public static (Dictionary<string, SafetensorsTensorInfo> Tensors, Dictionary<string, string> Metadata) Parse(
        ReadOnlySpan<byte> json, long dataLength, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"the header is not valid JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, "the header is not a JSON object");
            }
            var tensors = new Dictionary<string, SafetensorsTensorInfo>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey)
                {
                    ReadMetadata(property.Value, metadata, source);
                    continue;
                }
                SafetensorsTensorInfo info = ReadTensor(property, dataLength, source);
                if (!tensors.TryAdd(info.Name, info))
                {
                    throw Invalid(source, $"tensor '{info.Name}' appears twice in the header");
                }
            }
            CheckNoOverlap(tensors.Values, source);
            return (tensors, metadata);
        }
    }

    public static InvalidDataException Invalid(string source, string problem) =>
        new($"'{source}' is not a valid safetensors file: {problem}.");

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"'{MetadataKey}' must be an object of strings");
        }
        foreach (JsonProperty entry in element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(source, $"metadata entry '{entry.Name}' must be a string");
            }
            metadata[entry.Name] = entry.Value.GetString()!;
        }
    }

    private static SafetensorsTensorInfo ReadTensor(JsonProperty property, long dataLength, string source)
    {
        string name = property.Name;
        JsonElement entry = property.Value;
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("dtype", out JsonElement dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !entry.TryGetProperty("shape", out JsonElement shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !entry.TryGetProperty("data_offsets", out JsonElement offsetsElement)
            || offsetsElement.ValueKind != JsonValueKind.Array || offsetsElement.GetArrayLength() != 2)
        {
            throw Invalid(source, $"tensor '{name}' needs \"dtype\" (string), \"shape\" (array) and \"data_offsets\" ([begin, end])");
        }
        string dtypeName = dtypeElement.GetString()!;
        if (!SafetensorsDTypes.TryParse(dtypeName, out SafetensorsDType dtype))
        {
            throw Invalid(source, $"tensor '{name}' has unsupported dtype '{dtypeName}'");
        }
        long[] shape = shapeElement.EnumerateArray().Select(d => NonNegative(d, name, "shape", source)).ToArray();
        long begin = NonNegative(offsetsElement[0], name, "data_offsets", source);
        long end = NonNegative(offsetsElement[1], name, "data_offsets", source);
        var info = new SafetensorsTensorInfo(name, dtype, shape, begin, end);

        long expectedBytes;
        try
        {
            expectedBytes = checked(info.ElementCount * dtype.ElementSize());
        }
        catch (OverflowException)
        {
            throw Invalid(source, $"tensor '{name}' has an impossibly large shape {info.ShapeText}");
        }
        if (end < begin || end - begin != expectedBytes)
        {
            throw Invalid(source, $"tensor '{name}' ({dtypeName} {info.ShapeText}) needs {expectedBytes} bytes "
                + $"but its data_offsets [{begin}, {end}] span {end - begin}");
        }
        if (end > dataLength)
        {
            throw Invalid(source, $"tensor '{name}' ends at data byte {end} but the data section holds only {dataLength} "
                + "bytes (the file is truncated)");
        }
        return info;
    }

    private static long NonNegative(JsonElement element, string name, string field, string source) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long value) && value >= 0
            ? value
            : throw Invalid(source, $"tensor '{name}' has a {field} entry that is not a non-negative integer");

    private static void CheckNoOverlap(IEnumerable<SafetensorsTensorInfo> tensors, string source)
    {
        SafetensorsTensorInfo? previous = null;
        foreach (SafetensorsTensorInfo info in tensors.Where(t => t.End > t.Begin).OrderBy(t => t.Begin))
        {
            if (previous is not null && info.Begin < previous.End)
            {
                throw Invalid(source, $"tensors '{previous.Name}' and '{info.Name}' overlap in the data section");
            }
            previous = info;
        }
    }
}
