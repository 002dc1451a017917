namespace HardNegRules.Training.Pipeline;

/// <summary>Distinct texts collected first and embedded together in full batches, then looked up by text.</summary>
internal sealed class TextEmbeddings(ClipEmbedder embedder)
{
    private readonly List<string> pending = [];
    private readonly HashSet<string> wanted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float[]> embedded = new(StringComparer.Ordinal);

    public float[] this[string text] => embedded.TryGetValue(text, out float[]? row)
        ? row
        : throw new InvalidOperationException($"'{text}' was not collected before Embed().");

    public void Want(string text)
    {
        if (wanted.Add(text))
        {
            pending.Add(text);
        }
    }

    public void Want(IEnumerable<string> texts)
    {
        foreach (string text in texts)
        {
            Want(text);
        }
    }

    public void Embed()
    {
        float[][] rows = embedder.EmbedTexts(pending);
        for (int i = 0; i < rows.Length; i++)
        {
            embedded[pending[i]] = rows[i];
        }
        pending.Clear();
    }
}
