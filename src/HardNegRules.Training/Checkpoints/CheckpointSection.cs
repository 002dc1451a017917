namespace HardNegRules.Training.Checkpoints;

/// <summary>One section of a checkpoint file: where its bytes are and their XxHash3 checksum.</summary>
/// <param name="Name">The section's name (<c>state</c>, <c>model</c>, <c>optimizer</c>).</param>
/// <param name="Offset">Where its bytes start in the file.</param>
/// <param name="Length">How many bytes it has.</param>
/// <param name="Checksum">XxHash3 (64-bit) of its bytes.</param>
internal sealed record CheckpointSection(string Name, long Offset, long Length, ulong Checksum);
