namespace HardNegRules.Negatives;

/// <summary>What a <see cref="NegativesJob"/> run did.</summary>
/// <param name="Captions">Captions read and processed.</param>
/// <param name="WithNegatives">Captions that got at least one negative.</param>
/// <param name="Negatives">Negatives written.</param>
/// <param name="Unreadable">Records reported unreadable and skipped.</param>
/// <param name="Rows">Rows written (JSONL: one per caption; NegCLIP TSV: one per caption with negatives).</param>
public sealed record NegativesSummary(long Captions, long WithNegatives, long Negatives, long Unreadable, long Rows);
