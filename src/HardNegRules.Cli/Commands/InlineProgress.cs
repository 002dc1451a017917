namespace HardNegRules.Cli.Commands;

/// <summary>
/// Reports on the thread that calls <see cref="Report"/>, unlike <see cref="Progress{T}"/>, which posts to the thread
/// pool: a report could then arrive after its display has finished.
/// </summary>
/// <typeparam name="T">What is reported.</typeparam>
/// <param name="report">Shows a report.</param>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
