using System.Threading.Channels;

namespace HardNegRules.Training.Training;

/// <summary>
/// Prepares batches on a worker thread into a small bounded queue while the training thread runs the model, so the
/// CPU-bound preparation (reading, negative drawing, tokenising) overlaps torch's compute. Bounded: memory stays flat
/// and a slow model step simply makes the worker wait.
/// </summary>
internal sealed class BatchPipeline : IDisposable
{
    private readonly Channel<PreparedBatch> _queue;
    private readonly CancellationTokenSource _stop;
    private readonly Task _worker;

    /// <summary>Starts preparing steps [<paramref name="firstStep"/>, <paramref name="endStep"/>).</summary>
    public BatchPipeline(BatchBuilder builder, int firstStep, int endStep, int capacity, CancellationToken cancellation)
    {
        _queue = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        CancellationToken token = _stop.Token;
        _worker = Task.Factory.StartNew(() => Produce(builder, firstStep, endStep, token),
            token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The prepared batches in step order; rethrows the worker's exception if it failed.</summary>
    public IEnumerable<PreparedBatch> Batches()
    {
        ChannelReader<PreparedBatch> reader = _queue.Reader;
        // Blocking waits are fine here: the training thread has nothing else to do until the next batch arrives.
        while (reader.WaitToReadAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out PreparedBatch? batch))
            {
                yield return batch;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _worker.Wait();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            // the worker was stopped on purpose
        }
        _stop.Dispose();
    }

    private void Produce(BatchBuilder builder, int firstStep, int endStep, CancellationToken token)
    {
        try
        {
            for (int step = firstStep; step < endStep; step++)
            {
                PreparedBatch batch = builder.Build(step);
                // WriteAsync waits while the queue is full; blocking this dedicated thread is the point.
                _queue.Writer.WriteAsync(batch, token).AsTask().GetAwaiter().GetResult();
            }
            _queue.Writer.Complete();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
        }
#pragma warning disable CA1031 // any failure of the data side must reach the training thread, which rethrows it
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _queue.Writer.TryComplete(ex);
        }
    }
}
