using System.Globalization;
using System.Text;
using System.Text.Json;
using HardNegRules.Negatives;

namespace HardNegRules.Benchmarks;

/// <summary>
/// The captions the benchmarks run over: COCO val2017 (25,014 captions) from the file <c>$HARDNEG_COCO_CAPTIONS</c> names
/// (<c>captions_val2017.json</c>, not in the repository); when it is not set or missing, the repository's 3,000-caption sample
/// (<c>tests/data/coco/captions_val2017_sample.jsonl</c>), repeated to the same count so that per-caption figures stay
/// comparable. <see cref="Note"/> says which was used.
/// </summary>
public sealed class CaptionCorpus
{
    /// <summary>Captions per benchmark invocation: the size of COCO val2017's caption set.</summary>
    public const int Count = 25_014;

    /// <summary>The environment variable naming the COCO captions file.</summary>
    public const string PathVariable = "HARDNEG_COCO_CAPTIONS";

    private static readonly Lazy<CaptionCorpus> Shared = new(Load);

    private CaptionCorpus(string source, int distinct, string note, string[] captions, ulong[] ids)
    {
        Source = source;
        Distinct = distinct;
        Note = note;
        Captions = captions;
        Ids = ids;
    }

    /// <summary>The corpus, loaded once per process.</summary>
    public static CaptionCorpus Instance => Shared.Value;

    /// <summary>The file the captions came from.</summary>
    public string Source { get; }

    /// <summary>How many captions the file holds.</summary>
    public int Distinct { get; }

    /// <summary>What was loaded, and whether it is the fallback sample.</summary>
    public string Note { get; }

    /// <summary>Exactly <see cref="Count"/> captions, in file order (the sample repeated when it is smaller).</summary>
    public string[] Captions { get; }

    /// <summary>The caption ids, parallel to <see cref="Captions"/>.</summary>
    public ulong[] Ids { get; }

    /// <summary>The caption ids as text, parallel to <see cref="Captions"/>.</summary>
    public string[] IdTexts => [.. Ids.Select(id => id.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The corpus as the readers hand it to the workers: UTF-8 caption batches, in order.</summary>
    /// <returns>New batches.</returns>
    public List<CaptionBatch> Batches()
    {
        var batches = new List<CaptionBatch>();
        var batch = new CaptionBatch();
        for (int i = 0; i < Captions.Length; i++)
        {
            if (batch.IsFull)
            {
                batches.Add(batch);
                batch = new CaptionBatch();
            }

            batch.Add(Encoding.UTF8.GetBytes(Ids[i].ToString(CultureInfo.InvariantCulture)), idIsNumber: true, Encoding.UTF8.GetBytes(Captions[i]));
        }

        batches.Add(batch);
        return batches;
    }

    private static CaptionCorpus Load()
    {
        string? variable = Environment.GetEnvironmentVariable(PathVariable);
        string path = string.IsNullOrWhiteSpace(variable) ? "(HARDNEG_COCO_CAPTIONS not set)" : variable;
        List<(ulong Id, string Caption)> records;
        string note;
        if (File.Exists(path))
        {
            records = ReadCoco(path);
            note = $"COCO captions: {records.Count:N0} captions from {path}";
        }
        else
        {
            string sample = Path.Combine(RepositoryPaths.Root, "tests", "data", "coco", "captions_val2017_sample.jsonl");
            records = ReadJsonl(sample);
            note = $"FALLBACK: {path} not found (set {PathVariable} to COCO's captions_val2017.json); using the repository sample, {records.Count:N0} captions from {sample}";
        }

        if (records.Count == 0)
        {
            throw new InvalidOperationException($"No captions read ({note}).");
        }

        if (records.Count != Count)
        {
            note += $", cycled to {Count:N0} captions per invocation";
        }

        var captions = new string[Count];
        var ids = new ulong[Count];
        for (int i = 0; i < Count; i++)
        {
            (ids[i], captions[i]) = records[i % records.Count];
        }

        return new CaptionCorpus(path, records.Count, note, captions, ids);
    }

    private static List<(ulong Id, string Caption)> ReadCoco(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using JsonDocument document = JsonDocument.Parse(stream);
        var records = new List<(ulong, string)>();
        foreach (JsonElement annotation in document.RootElement.GetProperty("annotations").EnumerateArray())
        {
            records.Add((annotation.GetProperty("id").GetUInt64(), annotation.GetProperty("caption").GetString() ?? string.Empty));
        }

        return records;
    }

    private static List<(ulong Id, string Caption)> ReadJsonl(string path)
    {
        var records = new List<(ulong, string)>();
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            records.Add((root.GetProperty("id").GetUInt64(), root.GetProperty("caption").GetString() ?? string.Empty));
        }

        return records;
    }
}
