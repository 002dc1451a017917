namespace HardNegRules.Negatives;

/// <summary>
/// For each row, the rows whose captions are nearest by concept overlap: the rule terms two captions share, each
/// weighted by its rarity (inverse document frequency, so sharing "zebra" counts more than sharing "man"), rows of the
/// same image excluded. These are NegCLIP's <c>neg_image</c>: images that look alike in the concepts the rules know,
/// hence hard negatives for the image side. Deterministic and near linear: for each term of a row, only the
/// <see cref="Window"/> rows nearest in file order among those holding the term are scored, so a common term costs a
/// bounded amount per row; rows with too few candidates are filled with rows of other images drawn from a seeded sequence.
/// </summary>
public sealed class ConceptNeighbours
{
    /// <summary>Rows scored per term of a row (half before it, half after it in the term's row list).</summary>
    public const int Window = 64;

    private readonly List<int> _terms = [];
    private readonly List<int> _termEnds = [];
    private readonly List<ulong> _images = [];
    private int _termLimit;

    /// <summary>Rows added.</summary>
    public int Rows => _termEnds.Count;

    /// <summary>Adds the next row.</summary>
    /// <param name="terms">Its distinct term indices.</param>
    /// <param name="imageKey">Its image's key.</param>
    public void Add(ReadOnlySpan<int> terms, ulong imageKey)
    {
        foreach (int term in terms)
        {
            _terms.Add(term);
            _termLimit = Math.Max(_termLimit, term + 1);
        }

        _termEnds.Add(_terms.Count);
        _images.Add(imageKey);
    }

    /// <summary>The <paramref name="k"/> nearest rows of every row, row by row (a row may get fewer when there are too few other images).</summary>
    /// <param name="k">Neighbours per row.</param>
    /// <param name="threads">Threads to use.</param>
    /// <returns>Per row, its neighbours nearest first.</returns>
    public int[][] Nearest(int k, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int rows = Rows;
        int[] termEnds = [.. _termEnds];
        int[] terms = [.. _terms];
        ulong[] images = [.. _images];

        // Row lists per term (rows ascending), and each term's weight.
        int[] postingEnds = new int[_termLimit + 1];
        foreach (int term in terms)
        {
            postingEnds[term + 1]++;
        }

        for (int t = 0; t < _termLimit; t++)
        {
            postingEnds[t + 1] += postingEnds[t];
        }

        int[] postings = new int[terms.Length];
        int[] fill = postingEnds[..^1];
        for (int row = 0, at = 0; row < rows; row++)
        {
            for (; at < termEnds[row]; at++)
            {
                postings[fill[terms[at]]++] = row;
            }
        }

        double[] weights = new double[_termLimit];
        for (int t = 0; t < _termLimit; t++)
        {
            int df = postingEnds[t + 1] - postingEnds[t];
            weights[t] = df == 0 ? 0 : Math.Log(1.0 + ((double)rows / df));
        }

        var result = new int[rows][];
        Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            () => new Dictionary<int, double>(),
            (row, _, scores) =>
            {
                result[row] = ForRow(row, k, termEnds, terms, images, postings, postingEnds, weights, scores);
                return scores;
            },
            _ => { });
        return result;
    }

    private static int[] ForRow(int row, int k, int[] termEnds, int[] terms, ulong[] images, int[] postings, int[] postingEnds,
        double[] weights, Dictionary<int, double> scores)
    {
        scores.Clear();
        int start = row == 0 ? 0 : termEnds[row - 1];
        for (int at = start; at < termEnds[row]; at++)
        {
            int term = terms[at];
            ReadOnlySpan<int> list = postings.AsSpan(postingEnds[term], postingEnds[term + 1] - postingEnds[term]);
            int self = list.BinarySearch(row);
            int from = Math.Max(0, self - (Window / 2));
            int to = Math.Min(list.Length, from + Window + 1);
            for (int i = from; i < to; i++)
            {
                int other = list[i];
                if (other != row && images[other] != images[row])
                {
                    scores[other] = scores.GetValueOrDefault(other) + weights[term];
                }
            }
        }

        var chosen = new List<int>(k);
        foreach (KeyValuePair<int, double> candidate in scores
                     .OrderByDescending(s => s.Value)
                     .ThenBy(s => Math.Abs((long)s.Key - row))
                     .ThenBy(s => s.Key)
                     .Take(k))
        {
            chosen.Add(candidate.Key);
        }

        FillFromOtherImages(row, k, images, chosen);
        return [.. chosen];
    }

    private static void FillFromOtherImages(int row, int k, ulong[] images, List<int> chosen)
    {
        var random = new SplitMix((ulong)row * 0x9E3779B97F4A7C15UL);
        for (int tries = 0; chosen.Count < k && tries < 64 * (k + 1); tries++)
        {
            int other = (int)(random.Next() % (ulong)images.Length);
            if (images[other] != images[row] && !chosen.Contains(other))
            {
                chosen.Add(other);
            }
        }
    }
}
