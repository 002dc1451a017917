using System.Globalization;
using HardNegRules.Training.Presets;

namespace HardNegRules.Training.Experiments;

/// <summary>
/// What <see cref="ExperimentRunner"/> runs: every arm once per training seed on one generated world, all from the same
/// preset (the arms differ only in what their batches and loss hold), into one folder.
/// </summary>
public sealed record ExperimentPlan
{
    /// <summary>The preset as given (name or file), for each run's <c>run.json</c>.</summary>
    public required string PresetName { get; init; }

    /// <summary>The changes given to the preset, for each run's <c>run.json</c>.</summary>
    public required PresetEdits Edits { get; init; }

    /// <summary>The preset with the changes applied; its rules are the negatives arm's (k &gt;= 1).</summary>
    public required Preset Preset { get; init; }

    /// <summary>The training seeds; each arm runs once per seed. The world and the evaluation keep their own seeds.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>The arms, plain first when present.</summary>
    public required IReadOnlyList<ExperimentArm> Arms { get; init; }

    /// <summary>Steps of plain pre-training per seed from which every arm starts; 0 trains every arm from scratch.</summary>
    public int PretrainSteps { get; init; }

    /// <summary>The experiment folder.</summary>
    public required string Directory { get; init; }

    /// <summary>cpu or cuda.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The command line that made the plan, quoted in <c>report.md</c>.</summary>
    public string Command { get; init; } = "hardneg experiment";

    /// <summary>
    /// Whether each run also fits linear binding probes on its frozen image and text embeddings (which tower holds
    /// binding); a few seconds per run.
    /// </summary>
    public bool Probes { get; init; } = true;

    /// <summary>
    /// Merge weights of the weight-averaging sweep between each seed's plain and negatives models (WiSE-FT): each is
    /// evaluated as one more model; 0 and 1 are the arms themselves. Empty skips the sweep; it needs both arms.
    /// </summary>
    public IReadOnlyList<double> Alphas { get; init; } = [0.25, 0.5, 0.75];

    /// <summary>Builds a plan from a preset and options, checking that the experiment can run on it.</summary>
    /// <param name="presetName">The preset's name or file.</param>
    /// <param name="edits">Changes to the preset.</param>
    /// <param name="seeds">Training seeds; null for the preset's <c>schedule.seed</c> alone.</param>
    /// <param name="arms">The arms; null for plain and negatives.</param>
    /// <param name="pretrainSteps">Plain pre-training steps; null for the preset's <c>schedule.pretrain-steps</c>.</param>
    /// <param name="directory">The experiment folder; null for <c>runs/experiment-&lt;preset&gt;</c>.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">The preset trains on real data, or a value is out of range.</exception>
    /// <exception cref="PresetException">The preset or an override is invalid.</exception>
    public static ExperimentPlan Create(string presetName, PresetEdits edits, IReadOnlyList<int>? seeds = null,
        IReadOnlyList<ExperimentArm>? arms = null, int? pretrainSteps = null, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(presetName);
        ArgumentNullException.ThrowIfNull(edits);
        Preset preset = PresetCatalog.Load(presetName, edits);
        if (!preset.Data.IsConceptWorld)
        {
            throw new ArgumentException(
                $"Preset '{preset.Name}' trains on {preset.Data.Source}: hardneg experiment compares the arms on the concept " +
                "world's twins. Train real data with 'hardneg train' and compare with 'hardneg eval'.");
        }
        if (preset.Rules.K == 0)
        {
            preset = preset with { Rules = preset.Rules with { K = 1 } }; // the negatives arm needs negatives
        }
        if (pretrainSteps is < 0)
        {
            throw new ArgumentException($"--pretrain-steps must be 0 or more; got {pretrainSteps}.");
        }
        return new ExperimentPlan
        {
            PresetName = presetName,
            Edits = edits,
            Preset = preset,
            Seeds = seeds is { Count: > 0 } ? seeds : [preset.Schedule.Seed],
            Arms = arms is { Count: > 0 } ? arms : ExperimentArms.Default,
            PretrainSteps = pretrainSteps ?? preset.Schedule.PretrainSteps,
            Directory = Path.GetFullPath(directory ?? Path.Combine("runs", $"experiment-{preset.Name}")),
        };
    }

    /// <summary>The preset of one arm and seed.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="seed">The training seed.</param>
    /// <returns>The preset: the plan's with the seed, and k = 0 for the arms without text negatives.</returns>
    public Preset PresetOf(ExperimentArm arm, int seed) =>
        Preset with { Schedule = Preset.Schedule with { Seed = seed }, Rules = Preset.Rules with { K = KOf(arm) } };

    /// <summary>Hard negatives per caption of an arm.</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>The preset's k for the negatives arm, 0 otherwise.</returns>
    public int KOf(ExperimentArm arm) => arm == ExperimentArm.Negatives ? Preset.Rules.K : 0;

    /// <summary>The folder of one run.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="seed">The training seed.</param>
    /// <returns><c>seed-&lt;seed&gt;/&lt;arm&gt;</c> under the experiment folder.</returns>
    public string RunDirectory(ExperimentArm arm, int seed) =>
        Path.Combine(Directory, $"seed-{seed.ToString(CultureInfo.InvariantCulture)}", ExperimentArms.NameOf(arm));
}
