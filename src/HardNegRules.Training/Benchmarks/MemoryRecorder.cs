namespace HardNegRules.Training.Benchmarks;

/// <summary>Takes the RSS samples of a <see cref="MemoryProfile"/> as steps complete, on the training thread.</summary>
internal sealed class MemoryRecorder(int warmupSteps, int totalSteps, int sampleEvery)
{
    private readonly long _beforeModel = ProcessMemory.ResidentBytes();
    private readonly List<MemorySample> _samples = [];

    /// <summary>Call once the model and data are built, before the first step.</summary>
    public void Started() => _samples.Add(new MemorySample(0, ProcessMemory.ResidentBytes()));

    /// <summary>Call after each completed step; samples when the step is due.</summary>
    /// <param name="completedSteps">Steps completed so far, warm-up included.</param>
    public void StepCompleted(int completedSteps)
    {
        bool due = completedSteps == warmupSteps || completedSteps == totalSteps
            || (sampleEvery > 0 && completedSteps % sampleEvery == 0);
        if (due)
        {
            _samples.Add(new MemorySample(completedSteps, ProcessMemory.ResidentBytes()));
        }
    }

    public MemoryProfile Profile() => new(_beforeModel, _samples.ToArray(), warmupSteps, sampleEvery);
}
