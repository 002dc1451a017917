using System.Text.Json.Serialization;

namespace HardNegRules.Training.Benchmarks;

/// <summary>Resident memory of a run in MiB (see <see cref="MemoryProfile"/>).</summary>
/// <param name="BeforeModelMb">Before the model was built.</param>
/// <param name="StartMb">Model, optimizer and data built, before the first step.</param>
/// <param name="AfterWarmupMb">After the warm-up.</param>
/// <param name="EndMb">After the last step.</param>
/// <param name="MaxMb">Highest sample.</param>
/// <param name="SlopeMbPer1000Steps">Least-squares slope after the warm-up; a leak shows here.</param>
/// <param name="Every">Steps between samples (0: only start, after warm-up and end).</param>
/// <param name="Samples">Every sample.</param>
public sealed record RssReport(
    double BeforeModelMb,
    double StartMb,
    double AfterWarmupMb,
    double EndMb,
    double MaxMb,
    [property: JsonPropertyName("slope_mb_per_1000_steps")] double SlopeMbPer1000Steps,
    int Every,
    IReadOnlyList<RssSample> Samples)
{
    private const double Mebibyte = 1024.0 * 1024.0;

    /// <summary>Converts a profile to MiB.</summary>
    /// <param name="profile">The measured profile.</param>
    /// <returns>The report.</returns>
    public static RssReport From(MemoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new RssReport(profile.BeforeModelBytes / Mebibyte, profile.StartBytes / Mebibyte,
            profile.AfterWarmupBytes / Mebibyte, profile.EndBytes / Mebibyte, profile.MaxBytes / Mebibyte,
            profile.SlopeBytesPerStep * 1000 / Mebibyte, profile.SampleEvery,
            profile.Samples.Select(s => new RssSample(s.Step, s.ResidentMegabytes)).ToArray());
    }
}

/// <summary>One RSS sample.</summary>
/// <param name="Step">Steps completed (warm-up included).</param>
/// <param name="Mb">RSS in MiB.</param>
public sealed record RssSample(
    int Step,
    double Mb);
