namespace HardNegRules.Training.Experiments;

/// <summary>One way of training that the experiment compares; every arm trains from the same seed, data and steps.</summary>
public enum ExperimentArm
{
    /// <summary>Plain CLIP: in-batch negatives only (k = 0).</summary>
    Plain,

    /// <summary>Rule-made text hard negatives (the preset's k, swap share and ranking term): the paper's method.</summary>
    Negatives,

    /// <summary>Hard negative images: half of each batch are scenes, the other half their binding twins with their
    /// captions, plain loss.</summary>
    Twins,
}

/// <summary>Names of the arms as the command line and the report spell them.</summary>
public static class ExperimentArms
{
    /// <summary>The arms run when none are named: plain against text negatives.</summary>
    public static IReadOnlyList<ExperimentArm> Default { get; } = [ExperimentArm.Plain, ExperimentArm.Negatives];

    /// <summary>The report name of an arm ("plain", "negatives", "twins").</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>Its name.</returns>
    public static string NameOf(ExperimentArm arm) => arm.ToString().ToLowerInvariant();

    /// <summary>Parses a comma-separated list such as "plain,negatives,twins".</summary>
    /// <param name="text">The list.</param>
    /// <returns>The arms, in the order given, plain first when present.</returns>
    /// <exception cref="ArgumentException">A name is unknown or repeated, or the list is empty.</exception>
    public static IReadOnlyList<ExperimentArm> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var arms = new List<ExperimentArm>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            ExperimentArm arm = Enum.GetValues<ExperimentArm>().FirstOrDefault(a => string.Equals(NameOf(a), part, StringComparison.OrdinalIgnoreCase), (ExperimentArm)(-1));
            if (arm == (ExperimentArm)(-1))
            {
                throw new ArgumentException($"--arms: unknown arm '{part}'; the arms are {string.Join(", ", Enum.GetValues<ExperimentArm>().Select(NameOf))}.");
            }
            if (arms.Contains(arm))
            {
                throw new ArgumentException($"--arms: '{part}' is named twice.");
            }
            arms.Add(arm);
        }
        if (arms.Count == 0)
        {
            throw new ArgumentException("--arms: name at least one arm (plain, negatives, twins).");
        }
        return [.. arms.OrderBy(a => a == ExperimentArm.Plain ? 0 : 1)];
    }
}
