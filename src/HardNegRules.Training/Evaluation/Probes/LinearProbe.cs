using TorchSharp;
using static TorchSharp.torch;

namespace HardNegRules.Training.Evaluation.Probes;

/// <summary>
/// A multi-label linear probe: standardised features, one logit per label, fitted with sigmoid cross-entropy by
/// full-batch Adam from zero weights. The loss is convex and the start fixed, so the fit is deterministic and leaves
/// torch's random generator alone.
/// </summary>
public sealed class LinearProbe
{
    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[] _weight;
    private readonly float[] _bias;

    private LinearProbe(float[] mean, float[] scale, float[] weight, float[] bias)
    {
        _mean = mean;
        _scale = scale;
        _weight = weight;
        _bias = bias;
    }

    /// <summary>The number of labels.</summary>
    public int LabelCount => _bias.Length;

    /// <summary>Fits a probe.</summary>
    /// <param name="features">One row per example, all of one length.</param>
    /// <param name="labels">The labels present in each example.</param>
    /// <param name="labelCount">The size of the label space.</param>
    /// <param name="options">Steps, learning rate and weight decay.</param>
    /// <returns>The fitted probe.</returns>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, or a label out of range.</exception>
    public static LinearProbe Fit(IReadOnlyList<float[]> features, IReadOnlyList<IReadOnlySet<int>> labels, int labelCount,
        BindingProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (features.Count == 0 || features.Count != labels.Count)
        {
            throw new ArgumentException($"A probe needs one label set per row; got {features.Count} rows and {labels.Count} label sets.", nameof(labels));
        }
        int rows = features.Count;
        int dimension = features[0].Length;
        var x = new float[rows * dimension];
        var y = new float[rows * labelCount];
        for (int r = 0; r < rows; r++)
        {
            if (features[r].Length != dimension)
            {
                throw new ArgumentException($"Row {r} has {features[r].Length} features; row 0 has {dimension}.", nameof(features));
            }
            features[r].CopyTo(x, r * dimension);
            foreach (int label in labels[r])
            {
                if (label < 0 || label >= labelCount)
                {
                    throw new ArgumentException($"Row {r} has label {label}, outside [0, {labelCount}).", nameof(labels));
                }
                y[(r * labelCount) + label] = 1;
            }
        }
        (float[] mean, float[] scale) = Standardisation(x, rows, dimension);

        using DisposeScope scope = torch.NewDisposeScope();
        Tensor input = torch.tensor(x, [rows, dimension]);
        input = input.sub(torch.tensor(mean)).mul(torch.tensor(scale));
        Tensor target = torch.tensor(y, [rows, labelCount]);
        var weight = new TorchSharp.Modules.Parameter(torch.zeros(dimension, labelCount));
        var bias = new TorchSharp.Modules.Parameter(torch.zeros(labelCount));
        using torch.optim.Optimizer adam = torch.optim.Adam([weight, bias], options.LearningRate, weight_decay: options.WeightDecay);
        for (int step = 0; step < options.Steps; step++)
        {
            using DisposeScope stepScope = torch.NewDisposeScope();
            adam.zero_grad();
            Tensor logits = input.matmul(weight).add(bias);
            Tensor loss = nn.functional.binary_cross_entropy_with_logits(logits, target);
            loss.backward();
            adam.step();
        }
        return new LinearProbe(mean, scale, weight.detach().cpu().data<float>().ToArray(), bias.detach().cpu().data<float>().ToArray());
    }

    /// <summary>The probe's logit for every label.</summary>
    /// <param name="features">One example's features.</param>
    /// <returns><see cref="LabelCount"/> logits.</returns>
    public float[] Logits(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != _mean.Length)
        {
            throw new ArgumentException($"The probe takes {_mean.Length} features, not {features.Length}.", nameof(features));
        }
        var logits = (float[])_bias.Clone();
        for (int d = 0; d < features.Length; d++)
        {
            float value = (features[d] - _mean[d]) * _scale[d];
            int row = d * logits.Length;
            for (int l = 0; l < logits.Length; l++)
            {
                logits[l] += value * _weight[row + l];
            }
        }
        return logits;
    }

    // Unit-length embeddings have tiny coordinates; standardising makes one learning rate fit every model.
    private static (float[] Mean, float[] Scale) Standardisation(float[] x, int rows, int dimension)
    {
        var mean = new double[dimension];
        var squares = new double[dimension];
        for (int r = 0; r < rows; r++)
        {
            for (int d = 0; d < dimension; d++)
            {
                double value = x[(r * dimension) + d];
                mean[d] += value;
                squares[d] += value * value;
            }
        }
        var meanOut = new float[dimension];
        var scaleOut = new float[dimension];
        for (int d = 0; d < dimension; d++)
        {
            double m = mean[d] / rows;
            double variance = Math.Max((squares[d] / rows) - (m * m), 0);
            meanOut[d] = (float)m;
            scaleOut[d] = (float)(1.0 / Math.Sqrt(variance + 1e-8));
        }
        return (meanOut, scaleOut);
    }
}
