using HardNegRules.Output;

namespace HardNegRules.Tests.Output;

public class OrderedChunkPipelineTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void Results_come_back_in_input_order_whichever_chunk_finishes_first(int workers)
    {
        var consumed = new List<int>();

        // Chunks take longer the earlier they are, so later chunks finish first on other workers.
        OrderedChunkPipeline.Run(Enumerable.Range(0, 1000), 7, workers,
            chunk =>
            {
                Thread.SpinWait((1000 - chunk[0]) * 20);
                return chunk.Select(i => i * 3).ToArray();
            },
            consumed.AddRange);

        Assert.That(consumed, Is.EqualTo(Enumerable.Range(0, 1000).Select(i => i * 3)));
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(8)]
    public void Every_item_is_consumed_once_in_order_under_uneven_work_on_both_sides(int workers)
    {
        // Fixed seeds: map and consume take uneven, seeded times, so which worker finds the next result ready varies.
        for (int seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            int[] mapSpins = [.. Enumerable.Range(0, 400).Select(_ => random.Next(0, 3000))];
            int[] consumeSpins = [.. Enumerable.Range(0, 400).Select(_ => random.Next(0, 3000))];
            var consumed = new List<int>();
            int consuming = 0;
            OrderedChunkPipeline.Run(Enumerable.Range(0, 2000), 5, workers,
                chunk =>
                {
                    Thread.SpinWait(mapSpins[chunk[0] / 5]);
                    return chunk.ToArray();
                },
                chunk =>
                {
                    Assert.That(Interlocked.Increment(ref consuming), Is.EqualTo(1), "one consumer at a time");
                    Thread.SpinWait(consumeSpins[chunk[0] / 5]);
                    consumed.AddRange(chunk);
                    Interlocked.Decrement(ref consuming);
                });

            Assert.That(consumed, Is.EqualTo(Enumerable.Range(0, 2000)), $"seed {seed}");
        }
    }

    [TestCase(2)]
    [TestCase(4)]
    public void The_run_uses_as_many_threads_as_workers_the_calling_thread_included(int workers)
    {
        var threads = new HashSet<int>();
        void Note()
        {
            lock (threads)
            {
                threads.Add(Environment.CurrentManagedThreadId);
            }
        }

        OrderedChunkPipeline.Run(Enumerable.Range(0, 5000), 3, workers,
            chunk =>
            {
                Note();
                Thread.SpinWait(500);
                return chunk.Count;
            },
            _ => Note());

        Assert.That(threads, Has.Count.LessThanOrEqualTo(workers));
    }

    [Test]
    public void A_slow_consumer_holds_back_the_source_so_chunks_in_flight_stay_bounded()
    {
        const int workers = 3;
        int read = 0;
        int consumed = 0;
        int mostAhead = 0;
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 5000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        OrderedChunkPipeline.Run(Source(), 10, workers, chunk => chunk.Count, count =>
        {
            Thread.Sleep(1);
            consumed += count;
            mostAhead = Math.Max(mostAhead, Volatile.Read(ref read) - consumed);
        });

        Assert.That(consumed, Is.EqualTo(5000));
        // At most 2 x workers chunks are read and not yet consumed, ten items each.
        Assert.That(mostAhead, Is.LessThanOrEqualTo(2 * workers * 10));
    }

    [Test]
    public void Failures_in_the_source_a_map_or_the_consumer_are_rethrown_and_stop_the_run()
    {
        IEnumerable<int> BrokenSource()
        {
            for (int i = 0; i < 100; i++)
            {
                yield return i;
            }

            throw new IOException("disk gone");
        }

        var beforeFailure = new List<int>();
        Assert.That(() => OrderedChunkPipeline.Run(BrokenSource(), 8, 2, c => c.ToArray(), beforeFailure.AddRange),
            Throws.InstanceOf<IOException>().With.Message.EqualTo("disk gone"));
        Assert.That(beforeFailure, Is.EqualTo(Enumerable.Range(0, 96)), "every complete chunk before the failure was consumed in order");

        Assert.That(() => OrderedChunkPipeline.Run(Enumerable.Range(0, 10_000), 8, 2,
            c => c[0] == 800 ? throw new InvalidOperationException("bad chunk") : c.Count, _ => { }),
            Throws.InvalidOperationException.With.Message.EqualTo("bad chunk"));

        int seen = 0;
        Assert.That(() => OrderedChunkPipeline.Run(Enumerable.Range(0, 10_000_000), 8, 2, c => c.Count,
            _ => { if (++seen == 5) { throw new FormatException("consumer failed"); } }),
            Throws.InstanceOf<FormatException>());
        Assert.That(seen, Is.EqualTo(5));
    }

    [Test]
    public void Cancellation_stops_the_run()
    {
        using var cancel = new CancellationTokenSource();
        int seen = 0;
        Assert.That(() => OrderedChunkPipeline.Run(Enumerable.Range(0, 10_000_000), 8, 2, c => c.Count,
            _ => { if (++seen == 3) { cancel.Cancel(); } }, cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
