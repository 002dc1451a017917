namespace HardNegRules.Training.Runs;

/// <summary>How <see cref="PresetRun.Train"/> runs its trainer.</summary>
/// <param name="TwinBatches">Concept world only: fill half of each batch with the binding twins of the other half.</param>
/// <param name="Resume">Continue from the run folder's checkpoint.</param>
/// <param name="StopAfter">Stop once this many steps are done (the schedule still spans all steps); null for all.</param>
public sealed record TrainingRunOptions(bool TwinBatches = false, bool Resume = false, int? StopAfter = null);
