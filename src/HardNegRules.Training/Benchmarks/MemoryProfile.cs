namespace HardNegRules.Training.Benchmarks;

/// <summary>
/// Resident memory over a benchmark run: before anything is built, after the model and data are built (step 0), every
/// few steps, after the warm-up and at the end. A leak shows as a positive <see cref="SlopeBytesPerStep"/> after the
/// warm-up; allocator caches fill during the warm-up and stay flat afterwards.
/// </summary>
/// <param name="BeforeModelBytes">RSS before the model was built (the runtime and libtorch loaded).</param>
/// <param name="Samples">RSS at step 0, every <paramref name="SampleEvery"/> steps, after the warm-up and at the end,
/// in step order.</param>
/// <param name="WarmupSteps">Steps of the warm-up.</param>
/// <param name="SampleEvery">Steps between samples; 0 when only the fixed points were sampled.</param>
public sealed record MemoryProfile(long BeforeModelBytes, IReadOnlyList<MemorySample> Samples, int WarmupSteps,
    int SampleEvery)
{
    /// <summary>RSS once the model, optimizer and data were built, before the first step.</summary>
    public long StartBytes => Samples[0].ResidentBytes;

    /// <summary>RSS right after the warm-up steps.</summary>
    public long AfterWarmupBytes => Samples.First(s => s.Step >= WarmupSteps).ResidentBytes;

    /// <summary>RSS after the last step.</summary>
    public long EndBytes => Samples[^1].ResidentBytes;

    /// <summary>The highest RSS sampled.</summary>
    public long MaxBytes => Samples.Max(s => s.ResidentBytes);

    /// <summary>
    /// Least-squares slope of RSS over the steps after the warm-up, in bytes per step (0 with fewer than two such
    /// samples). Flat memory gives a slope near 0; a leak of L bytes per step gives about L.
    /// </summary>
    public double SlopeBytesPerStep
    {
        get
        {
            MemorySample[] measured = Samples.Where(s => s.Step >= WarmupSteps).ToArray();
            if (measured.Length < 2)
            {
                return 0;
            }
            double meanStep = measured.Average(s => (double)s.Step);
            double meanBytes = measured.Average(s => (double)s.ResidentBytes);
            double covariance = measured.Sum(s => (s.Step - meanStep) * (s.ResidentBytes - meanBytes));
            double variance = measured.Sum(s => (s.Step - meanStep) * (s.Step - meanStep));
            return variance == 0 ? 0 : covariance / variance;
        }
    }
}
