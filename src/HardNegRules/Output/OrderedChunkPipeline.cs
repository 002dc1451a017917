namespace HardNegRules.Output;

/// <summary>
/// Maps a sequence chunk by chunk on worker threads and consumes the results in input order: the shape of writing
/// negatives for millions of captions, where each chunk's work (permuting, formatting) is independent of the others and
/// the file must still come out in input order. There are exactly as many threads as workers (the calling thread is
/// one of them), and each worker takes its turn at everything: it reads the next chunk from the source, maps it, and
/// hands the result on; whichever worker finds the next result in order ready consumes it, and any that follow. No
/// thread is spent only reading or only writing, so on a machine with as many cores as workers none waits for a core.
/// At most 2 × workers chunks are read and not yet consumed, so memory is bounded by the chunk size, never by the
/// input. With one worker everything runs on the calling thread.
/// </summary>
public static class OrderedChunkPipeline
{
    /// <summary>Runs <paramref name="map"/> over chunks of <paramref name="source"/> and <paramref name="consume"/> over the results in order.</summary>
    /// <typeparam name="TItem">The input items.</typeparam>
    /// <typeparam name="TResult">What a chunk becomes.</typeparam>
    /// <param name="source">The items; enumerated once, by one thread at a time.</param>
    /// <param name="chunkSize">Items per chunk (the last chunk may be shorter).</param>
    /// <param name="workers">Threads running the pipeline, the calling thread included; 1 runs everything on the calling thread.</param>
    /// <param name="map">Turns one chunk into its result; called concurrently for different chunks when workers &gt; 1.</param>
    /// <param name="consume">Receives the results in input order, one at a time (on any of the workers).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <remarks>
    /// An exception in the source, a map or the consumer stops the run and is rethrown here; the results before the
    /// failing chunk (or before the source failed) have been consumed.
    /// </remarks>
    public static void Run<TItem, TResult>(IEnumerable<TItem> source, int chunkSize, int workers,
        Func<IReadOnlyList<TItem>, TResult> map, Action<TResult> consume, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(consume);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        if (workers == 1)
        {
            using IEnumerator<TItem> items = source.GetEnumerator();
            while (Next(items, chunkSize, cancellationToken) is { } chunk)
            {
                consume(map(chunk));
            }

            return;
        }

        using var run = new OrderedChunkRun<TItem, TResult>(source, chunkSize, workers, map, consume, cancellationToken);
        run.Start();
    }

    /// <summary>The next chunk of <paramref name="items"/>, or null when they are over.</summary>
    internal static List<TItem>? Next<TItem>(IEnumerator<TItem> items, int chunkSize, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        List<TItem>? chunk = null;
        while ((chunk is null || chunk.Count < chunkSize) && items.MoveNext())
        {
            (chunk ??= new List<TItem>(chunkSize)).Add(items.Current);
        }

        return chunk;
    }
}
