using System.Globalization;

namespace HardNegRules.Training.Experiments;

/// <summary>The training seeds of an experiment, as the command line spells them ("42,7,123").</summary>
public static class ExperimentSeeds
{
    /// <summary>Parses a comma-separated list of whole numbers.</summary>
    /// <param name="text">The list.</param>
    /// <returns>The seeds in the order given.</returns>
    /// <exception cref="ArgumentException">An item is not a whole number or is repeated, or the list is empty.</exception>
    public static IReadOnlyList<int> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var seeds = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed))
            {
                throw new ArgumentException($"--seeds: '{part}' is not a whole number; give seeds like 42,7,123.");
            }
            if (seeds.Contains(seed))
            {
                throw new ArgumentException($"--seeds: {seed} is named twice.");
            }
            seeds.Add(seed);
        }
        return seeds.Count > 0 ? seeds : throw new ArgumentException("--seeds: name at least one seed, e.g. 42,7,123.");
    }
}
