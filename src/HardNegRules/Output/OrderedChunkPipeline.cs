using System.Threading.Channels;

namespace HardNegRules.Output;

/// <summary>
/// Maps a sequence chunk by chunk on worker threads and hands the results to the calling thread in input order: the
/// shape of writing negatives for millions of captions, where each chunk's work (permuting, formatting) is independent
/// of the others and the file must still come out in input order. One thread enumerates the source; at most
/// 2 × workers chunks wait for their turn, so memory is bounded by the chunk size, never by the input. With one worker
/// everything runs on the calling thread.
/// </summary>
public static class OrderedChunkPipeline
{
    /// <summary>Runs <paramref name="map"/> over chunks of <paramref name="source"/> and <paramref name="consume"/> over the results in order.</summary>
    /// <typeparam name="TItem">The input items.</typeparam>
    /// <typeparam name="TResult">What a chunk becomes.</typeparam>
    /// <param name="source">The items; enumerated once, on one thread.</param>
    /// <param name="chunkSize">Items per chunk (the last chunk may be shorter).</param>
    /// <param name="workers">Threads running <paramref name="map"/>; 1 runs everything on the calling thread.</param>
    /// <param name="map">Turns one chunk into its result; called concurrently for different chunks when workers &gt; 1.</param>
    /// <param name="consume">Receives the results in input order, on the calling thread.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <remarks>An exception in the source, a map or the consumer stops the run and is rethrown here.</remarks>
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
            foreach (List<TItem> chunk in Chunks(source, chunkSize, cancellationToken))
            {
                consume(map(chunk));
            }

            return;
        }

        // Results are queued in input order as promises before their chunk is handed to a worker; the bound on that
        // queue is what keeps a slow chunk from letting the others pile up.
        Channel<Task<TResult>> ordered = Channel.CreateBounded<Task<TResult>>(new BoundedChannelOptions(2 * workers) { SingleReader = true, SingleWriter = true });
        Channel<Work<TItem, TResult>> work = Channel.CreateUnbounded<Work<TItem, TResult>>(new UnboundedChannelOptions { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = stop.Token;
        Task producer = Start(() => Produce(source, chunkSize, ordered.Writer, work.Writer, token), token);
        Task[] mappers = [.. Enumerable.Range(0, workers).Select(_ => Start(() => Map(map, work.Reader, token), token))];
        try
        {
            ChannelReader<Task<TResult>> results = ordered.Reader;
            // Blocking waits are right here: the calling thread has nothing to do until the next result in order is ready.
            while (results.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
            {
                while (results.TryRead(out Task<TResult>? result))
                {
                    // Wait with the token: once the run is stopped, no worker will complete this chunk.
                    _ = Task.WaitAny([result], token);
                    consume(result.GetAwaiter().GetResult());
                }
            }

            // The source's exception, if it failed; the results before it were consumed.
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            foreach (Task task in mappers.Append(producer))
            {
                // Their exceptions reached the consumer through the results or the producer above; these waits only
                // make sure no thread outlives the run.
                _ = ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
            }
        }
    }

    private static Task Start(Action action, CancellationToken token) =>
        Task.Factory.StartNew(action, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static IEnumerable<List<TItem>> Chunks<TItem>(IEnumerable<TItem> source, int chunkSize, CancellationToken token)
    {
        var chunk = new List<TItem>(chunkSize);
        foreach (TItem item in source)
        {
            chunk.Add(item);
            if (chunk.Count == chunkSize)
            {
                token.ThrowIfCancellationRequested();
                yield return chunk;
                chunk = new List<TItem>(chunkSize);
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static void Produce<TItem, TResult>(IEnumerable<TItem> source, int chunkSize, ChannelWriter<Task<TResult>> ordered,
        ChannelWriter<Work<TItem, TResult>> work, CancellationToken token)
    {
        try
        {
            foreach (List<TItem> chunk in Chunks(source, chunkSize, token))
            {
                var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                ordered.WriteAsync(done.Task, token).AsTask().GetAwaiter().GetResult();
                _ = work.TryWrite(new Work<TItem, TResult>(chunk, done));
            }
        }
        finally
        {
            ordered.TryComplete();
            work.TryComplete();
        }
    }

    private static void Map<TItem, TResult>(Func<IReadOnlyList<TItem>, TResult> map, ChannelReader<Work<TItem, TResult>> work, CancellationToken token)
    {
        while (work.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
        {
            while (work.TryRead(out Work<TItem, TResult>? item))
            {
                try
                {
                    item.Done.SetResult(map(item.Items));
                }
                catch (Exception e)
                {
                    // Handed to the consumer, which meets it in order and stops the run.
                    item.Done.SetException(e);
                }
            }
        }
    }

    private sealed record Work<TItem, TResult>(List<TItem> Items, TaskCompletionSource<TResult> Done);
}
