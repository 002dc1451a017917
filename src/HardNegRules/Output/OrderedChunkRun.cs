using System.Runtime.ExceptionServices;

namespace HardNegRules.Output;

/// <summary>One multi-worker run of <see cref="OrderedChunkPipeline"/>: the source, the ring of results waiting for their turn, and who is consuming.</summary>
internal sealed class OrderedChunkRun<TItem, TResult> : IDisposable
{
    private readonly IEnumerator<TItem> _items;
    private readonly int _chunkSize;
    private readonly int _workers;
    private readonly Func<IReadOnlyList<TItem>, TResult> _map;
    private readonly Action<TResult> _consume;
    private readonly CancellationTokenSource _stop;
    private readonly object _reading = new();
    // One permit per chunk that may be read and not yet consumed: the bound on memory.
    private readonly SemaphoreSlim _room;
    private readonly Slot?[] _ring;
    private long _nextToRead;
    private long _nextToConsume;
    private bool _sourceOver;
    // 1 while a worker is consuming; taken with a compare-and-swap, so no worker ever waits for another to write.
    private int _consuming;
    private ExceptionDispatchInfo? _failure;

    public OrderedChunkRun(IEnumerable<TItem> source, int chunkSize, int workers, Func<IReadOnlyList<TItem>, TResult> map,
        Action<TResult> consume, CancellationToken cancellationToken)
    {
        _items = source.GetEnumerator();
        _chunkSize = chunkSize;
        _workers = workers;
        _map = map;
        _consume = consume;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _room = new SemaphoreSlim(2 * workers);
        _ring = new Slot?[2 * workers];
    }

    public void Start()
    {
        var others = new Thread[_workers - 1];
        for (int w = 0; w < others.Length; w++)
        {
            others[w] = new Thread(Work) { IsBackground = true, Name = "hardneg worker" };
            others[w].Start();
        }

        Work();
        foreach (Thread thread in others)
        {
            thread.Join();
        }

        _failure?.Throw();
        // Every worker has stopped, so anything still waiting is consumed here (normally nothing is).
        Consume();
        _failure?.Throw();
        _stop.Token.ThrowIfCancellationRequested();
    }

    public void Dispose()
    {
        _items.Dispose();
        _stop.Dispose();
        _room.Dispose();
    }

    private void Work()
    {
        CancellationToken token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                _room.Wait(token);
                long sequence;
                List<TItem>? chunk;
                Exception? sourceFailure = null;
                lock (_reading)
                {
                    if (_sourceOver)
                    {
                        _room.Release();
                        return;
                    }

                    sequence = _nextToRead++;
                    try
                    {
                        chunk = OrderedChunkPipeline.Next(_items, _chunkSize, token);
                    }
                    catch (Exception e)
                    {
                        chunk = null;
                        sourceFailure = e;
                    }

                    _sourceOver = chunk is null;
                }

                if (chunk is null)
                {
                    // The end (or the source's failure) takes its place in order, after every chunk read before it.
                    Publish(sequence, new Slot(sequence, default, sourceFailure, End: sourceFailure is null));
                    return;
                }

                Slot slot;
                try
                {
                    slot = new Slot(sequence, _map(chunk), null, End: false);
                }
                catch (Exception e)
                {
                    // Met by the consumer in order, which stops the run.
                    slot = new Slot(sequence, default, e, End: false);
                }

                Publish(sequence, slot);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped: by the caller, or because another worker failed.
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    private void Publish(long sequence, Slot slot)
    {
        Volatile.Write(ref _ring[sequence % _ring.Length], slot);
        Consume();
    }

    // Consumes every result that is next in order, unless another worker is already doing it. The worker that finds
    // the turn taken leaves at once: the consuming worker looks again after giving the turn up, and so meets any result
    // published meanwhile.
    private void Consume()
    {
        while (Interlocked.CompareExchange(ref _consuming, 1, 0) == 0)
        {
            try
            {
                while (!_stop.IsCancellationRequested && Ready() is { } slot)
                {
                    _ring[slot.Sequence % _ring.Length] = null;
                    if (slot.Failure is not null)
                    {
                        Fail(slot.Failure);
                        return;
                    }

                    if (slot.End)
                    {
                        return;
                    }

                    _consume(slot.Result!);
                    _nextToConsume++;
                    _room.Release();
                }
            }
            catch (Exception e)
            {
                Fail(e);
                return;
            }
            finally
            {
                Volatile.Write(ref _consuming, 0);
            }

            // A full fence between giving up the turn and looking again, so a result published meanwhile is not missed
            // by both its publisher (who found the turn taken) and this worker.
            Interlocked.MemoryBarrier();
            if (_stop.IsCancellationRequested || Ready() is null)
            {
                return;
            }
        }
    }

    private Slot? Ready() =>
        Volatile.Read(ref _ring[_nextToConsume % _ring.Length]) is { } slot && slot.Sequence == _nextToConsume ? slot : null;

    private void Fail(Exception failure)
    {
        _ = Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(failure), null);
        _stop.Cancel();
    }

    private sealed record Slot(long Sequence, TResult? Result, Exception? Failure, bool End);
}
