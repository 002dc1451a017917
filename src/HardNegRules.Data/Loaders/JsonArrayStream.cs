using System.Text.Json;
using HardNegRules.IO;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Streams the elements of one array property of a JSON file's root object ("images" of Karpathy's dataset_coco.json,
/// "annotations" of a COCO file) without parsing the whole file: these files are 100+ MB, and a whole-file parse holds
/// several times that in memory. Each element is parsed on its own; only the current buffer and element are held.
/// </summary>
internal static class JsonArrayStream
{
    private const int InitialBuffer = 64 * 1024;

    /// <summary>
    /// The elements of <paramref name="property"/>'s array, with their index. Each element is valid only until the next
    /// is requested. A file that is not JSON, is cut short, or has no such array throws <see cref="DataFileException"/>
    /// (with the byte offset and line) after the elements before the fault: callers must not use what they got.
    /// </summary>
    public static IEnumerable<(long Index, JsonElement Element)> Read(string path, string property)
    {
        using FileStream stream = InputFile.OpenRead(path);
        var scan = new Scan(property);
        byte[] buffer = new byte[InitialBuffer];
        int length = 0;
        long dropped = 0;
        long index = 0;
        while (!scan.Done)
        {
            int read = stream.Read(buffer, length, buffer.Length - length);
            length += read;
            bool final = read == 0;
            var batch = new List<JsonDocument>();
            JsonFault? fault = scan.Advance(buffer.AsSpan(0, length), final, batch, out int consumed);
            foreach (JsonDocument document in batch)
            {
                using (document)
                {
                    yield return (index++, document.RootElement);
                }
            }

            if (fault is { } f)
            {
                throw new DataFileException(path, dropped + f.Offset, f.Line, f.Problem);
            }

            if (scan.Done)
            {
                break;
            }

            if (final)
            {
                throw new DataFileException(path, dropped + length, scan.Line,
                    scan.InArray ? $"the file ends inside the \"{property}\" array (cut short?)" : $"no \"{property}\" array in the root object");
            }

            // Keep the unread tail; grow when one element is larger than the whole buffer.
            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            dropped += consumed;
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>Where and why a file is not the JSON expected.</summary>
    private readonly record struct JsonFault(long Offset, long Line, string Problem);

    private static long CountLines(ReadOnlySpan<byte> data) => data.Count((byte)'\n');

    /// <summary>The scanner's position between buffers.</summary>
    private sealed class Scan(string property)
    {
        private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        private bool _atProperty;

        public bool InArray { get; private set; }

        public bool Done { get; private set; }

        /// <summary>The 1-based line the scan has reached.</summary>
        public long Line { get; private set; } = 1;

        /// <summary>Reads what the buffer holds; complete elements go to <paramref name="batch"/>. Returns a fault or null.</summary>
        public JsonFault? Advance(ReadOnlySpan<byte> data, bool final, List<JsonDocument> batch, out int consumed)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            try
            {
                while (true)
                {
                    Utf8JsonReader checkpoint = reader;
                    if (!reader.Read())
                    {
                        break;
                    }

                    if (InArray && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndArray)
                    {
                        Done = true;
                        break;
                    }

                    if (InArray)
                    {
                        // A whole element must be in the buffer before it is parsed; otherwise wait for more data.
                        Utf8JsonReader probe = reader;
                        if (!probe.TrySkip())
                        {
                            reader = checkpoint;
                            break;
                        }

                        batch.Add(JsonDocument.ParseValue(ref reader));
                        continue;
                    }

                    if (reader.CurrentDepth == 0 && reader.TokenType != JsonTokenType.StartObject && reader.TokenType != JsonTokenType.EndObject)
                    {
                        consumed = (int)reader.BytesConsumed;
                        return new JsonFault(reader.TokenStartIndex, Line + CountLines(data[..(int)reader.TokenStartIndex]), "the root is not a JSON object");
                    }

                    if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        _atProperty = reader.ValueTextEquals(property);
                    }
                    else if (_atProperty && reader.CurrentDepth == 1)
                    {
                        _atProperty = false;
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            consumed = (int)reader.BytesConsumed;
                            return new JsonFault(reader.TokenStartIndex, Line + CountLines(data[..(int)reader.TokenStartIndex]), $"\"{property}\" is not an array");
                        }

                        InArray = true;
                    }
                }
            }
            catch (JsonException e)
            {
                consumed = (int)reader.BytesConsumed;
                // The offset is where the token or array element holding the fault starts; the line is the fault's own.
                // A file cut in the middle of a value fails as "end of data" on its last buffer: say what that means.
                if (final && InArray && (e.Message.Contains("end of data", StringComparison.Ordinal) || e.Message.Contains("should be closed", StringComparison.Ordinal)))
                {
                    return new JsonFault(data.Length, (e.LineNumber ?? 0) + 1, $"the file ends inside the \"{property}\" array (cut short?)");
                }

                return new JsonFault(consumed, (e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}");
            }

            _state = reader.CurrentState;
            consumed = (int)reader.BytesConsumed;
            Line += CountLines(data[..consumed]);
            return null;
        }
    }
}
