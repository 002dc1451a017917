namespace HardNegRules.Training.Training;

/// <summary>One step's inputs as plain arrays, built on the worker thread (tensors are made on the training thread, where
/// the step's dispose scope owns them).</summary>
/// <param name="Step">Zero-based step index.</param>
/// <param name="Epoch">The epoch of the batch.</param>
/// <param name="BatchSize">Image-caption pairs (B).</param>
/// <param name="Pixels">B x 3 x size x size normalised floats.</param>
/// <param name="Tokens">(B + N) x contextLength token ids: the B captions, then each pair's negatives in pair order.</param>
/// <param name="NegativeCounts">Negatives of each pair (length B, summing to N).</param>
internal sealed record PreparedBatch(int Step, int Epoch, int BatchSize, float[] Pixels, long[] Tokens, int[] NegativeCounts)
{
    public int NegativeTotal => NegativeCounts.Sum();
}
