using HardNegRules.Training.Loss;
using HardNegRules.Training.Model;
using HardNegRules.Training.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HardNegRules.Training.Benchmarks;

/// <summary>
/// The parts of a training step on one fixed batch (no data side): forward and loss, forward and backward, or the
/// optimizer update alone. With the whole step they show where a step's time goes.
/// </summary>
internal static class FixedBatchBenchmark
{
    public static WindowTimer Time(ClipModel model, BenchmarkOptions options, MemoryRecorder memory)
    {
        int batch = options.BatchSize;
        int negatives = batch * options.NegativesPerCaption;
        int size = options.Model.Vision.ImageSize;
        TextTowerOptions text = options.Model.Text;
        var loss = new HardNegativeLoss(options.Mode);
        int[] counts = Enumerable.Repeat(options.NegativesPerCaption, batch).ToArray();
        model.train();

        // Caption-length token rows (not 77 random ids): the text tower's cost depends on where captions end.
        var data = new SyntheticBenchmarkData(0, size, text.VocabularySize, seed: 1);
        var ids = new long[(batch + negatives) * text.ContextLength];
        for (int row = 0; row < batch + negatives; row++)
        {
            long[] caption = data.Tokenize($"caption {row}");
            caption.CopyTo(ids, row * text.ContextLength);
        }
        using Tensor images = torch.randn(batch, 3, size, size);
        using Tensor tokens = torch.tensor(ids, [batch + negatives, text.ContextLength]);

        Tensor ForwardAndLoss(int step)
        {
            Tensor imageEmbeddings = model.EncodeImage(images);
            Tensor textEmbeddings = model.EncodeText(tokens);
            Tensor negativeEmbeddings = textEmbeddings.narrow(0, batch, negatives);
#pragma warning disable CA5394 // the column choice only has to be some choice
            return loss.Compute(imageEmbeddings, textEmbeddings.narrow(0, 0, batch),
                negatives > 0 ? negativeEmbeddings : null, counts, model.LogitScale(), new Random(step));
#pragma warning restore CA5394
        }

        using AdamW optimizer = TrainerLikeAdamW(model, out List<Parameter> parameters);
        if (options.Scope == BenchmarkScope.Optimizer)
        {
            // Real gradients to update with, computed once.
            using DisposeScope scope = torch.NewDisposeScope();
            ForwardAndLoss(0).backward();
        }

        var timer = new WindowTimer();
        memory.Started();
        for (int step = 0; step < options.TotalSteps; step++)
        {
            if (step >= options.WarmupSteps && (step - options.WarmupSteps) % options.MeasuredSteps == 0)
            {
                timer.Boundary();
            }
            using (torch.NewDisposeScope())
            {
                switch (options.Scope)
                {
                    case BenchmarkScope.Forward:
                        ForwardAndLoss(step);
                        break;
                    case BenchmarkScope.ForwardBackward:
                        ForwardAndLoss(step).backward();
                        model.zero_grad();
                        break;
                    case BenchmarkScope.Optimizer:
                        // As the trainer: clip (reading the norm back), then the AdamW update.
                        _ = torch.nn.utils.clip_grad_norm_(parameters, 1.0);
                        optimizer.step();
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(options), options.Scope, "Not a fixed-batch scope.");
                }
            }
            memory.StepCompleted(step + 1);
        }
        timer.Boundary();
        return timer;
    }

    /// <summary>AdamW with the trainer's default hyperparameters and parameter groups.</summary>
    private static AdamW TrainerLikeAdamW(ClipModel model, out List<Parameter> parameters)
    {
        var defaults = new TrainerOptions();
        (List<Parameter> decay, List<Parameter> noDecay) = ParameterGroups.Split(model);
        parameters = [.. decay, .. noDecay];
        return torch.optim.AdamW(
        [
            new AdamW.ParamGroup(decay, lr: defaults.LearningRate, beta1: defaults.Beta1, beta2: defaults.Beta2,
                eps: defaults.Epsilon, weight_decay: defaults.WeightDecay),
            new AdamW.ParamGroup(noDecay, lr: defaults.LearningRate, beta1: defaults.Beta1, beta2: defaults.Beta2,
                eps: defaults.Epsilon, weight_decay: 0),
        ], lr: defaults.LearningRate);
    }
}
