namespace HardNegRules.Training.Training;

/// <summary>
/// Which samples make up each step's batch. Everything is a function of (seed, step): epoch e is a permutation drawn
/// from a generator seeded with (seed, e), and step s takes batch s mod stepsPerEpoch of epoch s / stepsPerEpoch.
/// A resumed run therefore needs only the step number to continue where the interrupted one was.
/// </summary>
internal sealed class DataOrder
{
    private readonly int _seed;
    private readonly int _count;
    private int _cachedEpoch = -1;
    private int[] _cachedPermutation = [];

    public DataOrder(int seed, int count, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _seed = seed;
        _count = count;
        // A smaller data set than the batch gives one full-data-set batch; otherwise the last partial batch of an
        // epoch is dropped, so every step contrasts the same number of pairs.
        BatchSize = Math.Min(batchSize, count);
        StepsPerEpoch = count / BatchSize;
    }

    public int BatchSize { get; }

    public int StepsPerEpoch { get; }

    public int EpochOf(int step) => step / StepsPerEpoch;

    public int BatchInEpochOf(int step) => step % StepsPerEpoch;

    /// <summary>Sample indices of the batch of zero-based step <paramref name="step"/>.</summary>
    public ReadOnlySpan<int> BatchOf(int step)
    {
        int[] permutation = PermutationOf(EpochOf(step));
        return permutation.AsSpan(BatchInEpochOf(step) * BatchSize, BatchSize);
    }

    /// <summary>A reproducible seed for (seed, a, b): keeps streams of different purposes and steps apart.</summary>
    public static int MixSeed(int seed, int a, int b = 0)
    {
        ulong x = (uint)seed;
        x = x * 0x9E3779B97F4A7C15UL + (uint)a;
        x ^= x >> 31;
        x = x * 0xBF58476D1CE4E5B9UL + (uint)b;
        x ^= x >> 29;
        x *= 0x94D049BB133111EBUL;
        return (int)(x ^ (x >> 32));
    }

    private int[] PermutationOf(int epoch)
    {
        if (epoch != _cachedEpoch)
        {
            var permutation = new int[_count];
            for (int i = 0; i < _count; i++)
            {
                permutation[i] = i;
            }
#pragma warning disable CA5394 // the data order needs reproducibility, not unpredictability
            new Random(MixSeed(_seed, 1, epoch)).Shuffle(permutation);
#pragma warning restore CA5394
            _cachedPermutation = permutation;
            _cachedEpoch = epoch;
        }
        return _cachedPermutation;
    }
}
