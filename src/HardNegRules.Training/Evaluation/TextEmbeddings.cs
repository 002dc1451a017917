namespace HardNegRules.Training.Evaluation;

/// <summary>Distinct texts collected first and embedded together in full batches, then looked up by text.</summary>
internal sealed class TextEmbeddings(ClipEmbedder embedder)
{
    private readonly List<string> _pending = [];
    private readonly HashSet<string> _wanted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float[]> _embedded = new(StringComparer.Ordinal);

    public float[] this[string text] => _embedded.TryGetValue(text, out float[]? row)
        ? row
        : throw new InvalidOperationException($"'{text}' was not collected before Embed().");

    public void Want(string text)
    {
        if (_wanted.Add(text))
        {
            _pending.Add(text);
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
        float[][] rows = embedder.EmbedTexts(_pending);
        for (int i = 0; i < rows.Length; i++)
        {
            _embedded[_pending[i]] = rows[i];
        }
        _pending.Clear();
    }
}
