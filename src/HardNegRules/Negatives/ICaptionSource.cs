namespace HardNegRules.Negatives;

/// <summary>
/// Captions read as UTF-8 batches, in file order, by one thread at a time. Records that cannot be read are reported by
/// the source (with their place) and counted in <see cref="Unreadable"/>; a file that is broken as a whole makes
/// <see cref="Fill"/> throw (an <see cref="IOException"/> naming the place), so nothing is written from it.
/// </summary>
public interface ICaptionSource : IDisposable
{
    /// <summary>Records reported unreadable and skipped so far.</summary>
    long Unreadable { get; }

    /// <summary>Adds the next records to <paramref name="batch"/> until it is full or the input ends.</summary>
    /// <param name="batch">An empty batch.</param>
    /// <returns>False when the input is over and nothing was added.</returns>
    bool Fill(CaptionBatch batch);
}
