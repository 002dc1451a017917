namespace HardNegRules.Negatives;

/// <summary>What <see cref="NegativesJob"/> writes.</summary>
public enum NegativesFormat
{
    /// <summary>The JSONL negatives contract: one record per caption.</summary>
    Jsonl,

    /// <summary>NegCLIP/open_clip training TSV: title, filepath, neg_caption, neg_image; captions without negatives are left out.</summary>
    Negclip,
}
