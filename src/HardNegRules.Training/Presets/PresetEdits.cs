using System.Globalization;
using HardNegRules.Training.Loss;

namespace HardNegRules.Training.Presets;

/// <summary>
/// Changes to a preset: typed values (what the options <c>--steps</c>, <c>--k</c>, <c>--mode</c>, <c>--seed</c> and
/// <c>--rules</c> set), applied as edits of the preset's records, then <c>section.key=value</c> overrides as the user
/// typed them (<c>--set</c>), which win. <see cref="ToOverrides"/> writes the same changes in the override form that a
/// run folder's <c>run.json</c> keeps, so that the folder rebuilds the same preset.
/// </summary>
public sealed record PresetEdits
{
    /// <summary>No change.</summary>
    public static PresetEdits None { get; } = new();

    /// <summary>Optimizer steps (<c>schedule.steps</c>), at least 1.</summary>
    public int? Steps { get; init; }

    /// <summary>Hard negatives per caption (<c>rules.k</c>), 0 or more.</summary>
    public int? K { get; init; }

    /// <summary>How negatives enter the loss (<c>rules.mode</c>).</summary>
    public HardNegativeMode? Mode { get; init; }

    /// <summary>The training seed (<c>schedule.seed</c>).</summary>
    public int? Seed { get; init; }

    /// <summary>A rules folder read at run time (<c>rules.directory</c>); kept as a full path.</summary>
    public string? RulesDirectory { get; init; }

    /// <summary>Overrides <c>section.key=value</c> as typed, applied in order after the typed values.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The first of these changes that no preset can take, as a message naming the option that sets it.</summary>
    /// <returns>The message, or null when every change can be applied.</returns>
    public string? Problem() =>
        Steps is < 1 ? $"--steps must be at least 1; got {Steps}."
        : K is < 0 ? $"--k must be 0 or more; got {K}."
        : Overrides.FirstOrDefault(o => !o.Contains('=', StringComparison.Ordinal)) is { } bad
            ? $"--set takes section.key=value (e.g. schedule.steps=200); got '{bad}'."
        : null;

    /// <summary>The preset with these changes.</summary>
    /// <param name="preset">The preset to change.</param>
    /// <returns>The changed preset.</returns>
    /// <exception cref="PresetException">A change that no preset can take (<see cref="Problem"/>), or an override that
    /// names no key or has a bad value.</exception>
    public Preset ApplyTo(Preset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        if (Problem() is { } problem)
        {
            throw new PresetException("command line", 0, 0, problem);
        }

        Preset edited = preset with
        {
            Schedule = preset.Schedule with { Steps = Steps ?? preset.Schedule.Steps, Seed = Seed ?? preset.Schedule.Seed },
            Rules = preset.Rules with
            {
                K = K ?? preset.Rules.K,
                Mode = Mode ?? preset.Rules.Mode,
                Directory = RulesDirectory is null ? preset.Rules.Directory : Path.GetFullPath(RulesDirectory),
            },
        };
        return Overrides.Aggregate(edited, PresetLoader.ApplyOverride);
    }

    /// <summary>The overrides with every path value made absolute (against the current directory), as a run folder
    /// keeps them so that they name the same files from anywhere.</summary>
    /// <returns>The changes with absolute paths.</returns>
    public PresetEdits WithAbsolutePaths() => this with { Overrides = PresetPaths.Absolute(Overrides) };

    /// <summary>The changes as overrides <c>section.key=value</c>, in the order they apply: the form of <c>run.json</c>.</summary>
    /// <returns>The overrides.</returns>
    public IReadOnlyList<string> ToOverrides()
    {
        var overrides = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                overrides.Add(string.Create(CultureInfo.InvariantCulture, $"{key}={value}"));
            }
        }
        Add("schedule.steps", Steps);
        Add("rules.k", K);
        Add("rules.mode", Mode?.ToString().ToLowerInvariant());
        Add("schedule.seed", Seed);
        Add("rules.directory", RulesDirectory is null ? null : Path.GetFullPath(RulesDirectory));
        overrides.AddRange(Overrides);
        return overrides;
    }
}
