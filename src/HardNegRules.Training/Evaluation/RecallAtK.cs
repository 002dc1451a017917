namespace HardNegRules.Training.Evaluation;

/// <summary>Recall at 1, 5 and 10 in one retrieval direction, each a fraction in [0, 1].</summary>
/// <param name="Queries">The number of queries the recall is over.</param>
/// <param name="R1">The share of queries whose match is ranked first.</param>
/// <param name="R5">The share of queries with a match in the top 5.</param>
/// <param name="R10">The share of queries with a match in the top 10.</param>
public sealed record RecallAtK(int Queries, double R1, double R5, double R10);
