using System.Text.Json;

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
    /// is requested. A malformed file or a missing array is reported once and ends the stream.
    /// </summary>
    public static IEnumerable<(long Index, JsonElement Element)> Read(string path, string property, DataLoadReport report)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report.Add(DataLoadError.InFile(path, $"unreadable: {e.Message}"));
            yield break;
        }

        using (stream)
        {
            var scan = new Scan(property);
            byte[] buffer = new byte[InitialBuffer];
            int length = 0;
            bool final = false;
            long index = 0;
            while (!scan.Done)
            {
                int read = stream.Read(buffer, length, buffer.Length - length);
                length += read;
                final = read == 0;
                var batch = new List<JsonDocument>();
                int consumed;
                string? error = scan.Advance(buffer.AsSpan(0, length), final, batch, out consumed);
                foreach (JsonDocument document in batch)
                {
                    using (document)
                    {
                        yield return (index++, document.RootElement);
                    }
                }

                if (error is not null)
                {
                    report.Add(DataLoadError.InFile(path, error));
                    yield break;
                }

                if (scan.Done)
                {
                    break;
                }

                if (final)
                {
                    report.Add(DataLoadError.InFile(path, scan.InArray ? $"the file ends inside the \"{property}\" array (truncated?)" : $"no \"{property}\" array in the root object"));
                    yield break;
                }

                // Keep the unread tail; grow when one element is larger than the whole buffer.
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
        }
    }

    /// <summary>The scanner's position between buffers.</summary>
    private sealed class Scan(string property)
    {
        private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        private bool _atProperty;

        public bool InArray { get; private set; }

        public bool Done { get; private set; }

        /// <summary>Reads what the buffer holds; complete elements go to <paramref name="batch"/>. Returns an error or null.</summary>
        public string? Advance(ReadOnlySpan<byte> data, bool final, List<JsonDocument> batch, out int consumed)
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
                        return "the root is not a JSON object";
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
                            return $"\"{property}\" is not an array";
                        }

                        InArray = true;
                    }
                }
            }
            catch (JsonException e)
            {
                consumed = (int)reader.BytesConsumed;
                return $"not valid JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message}";
            }

            _state = reader.CurrentState;
            consumed = (int)reader.BytesConsumed;
            return null;
        }
    }
}
