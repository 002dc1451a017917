namespace HardNegRules.Training.Merging;

/// <summary>Two sets of weights cannot be merged: an entry is missing on one side or differs in shape or type.</summary>
public sealed class WeightMismatchException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tensorName">The first entry (parameter, buffer or tensor name) that differs.</param>
    /// <param name="message">What differs, naming the entry.</param>
    public WeightMismatchException(string tensorName, string message) : base(message) => TensorName = tensorName;

    /// <summary>The first parameter, buffer or tensor that differs ("model" when the recorded architectures differ).</summary>
    public string TensorName { get; }
}
