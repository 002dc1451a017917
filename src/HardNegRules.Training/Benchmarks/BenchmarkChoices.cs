using HardNegRules.Training.Loss;
using HardNegRules.Training.Model;

namespace HardNegRules.Training.Benchmarks;

/// <summary>The architectures and scopes a benchmark is asked for by name (<c>hardneg bench --model --scope</c>).</summary>
public static class BenchmarkChoices
{
    /// <summary>The architectures by name: the default small conv tower, a small ViT, and CLIP's ViT-B/32.</summary>
    public static IReadOnlyDictionary<string, ClipModelOptions> Models { get; } = new Dictionary<string, ClipModelOptions>(StringComparer.OrdinalIgnoreCase)
    {
        ["small"] = ClipModelOptions.SmallCpu,
        ["small-vit"] = ClipModelOptions.SmallVit,
        ["vit-b32"] = ClipModelOptions.VitB32,
    };

    /// <summary>What a timed step includes, by name.</summary>
    public static IReadOnlyDictionary<string, BenchmarkScope> Scopes { get; } = new Dictionary<string, BenchmarkScope>(StringComparer.OrdinalIgnoreCase)
    {
        ["step"] = BenchmarkScope.TrainingStep,
        ["forward-backward"] = BenchmarkScope.ForwardBackward,
        ["forward"] = BenchmarkScope.Forward,
        ["optimizer"] = BenchmarkScope.Optimizer,
    };

    /// <summary>The options of a benchmark asked for by names and counts, as <c>hardneg bench</c> takes them.</summary>
    /// <param name="model">A key of <see cref="Models"/>.</param>
    /// <param name="scope">A key of <see cref="Scopes"/>.</param>
    /// <param name="batch">Image-caption pairs per step, at least 1.</param>
    /// <param name="k">Hard negatives per caption, 0 or more.</param>
    /// <param name="mode">How negatives enter the loss.</param>
    /// <param name="warmup">Untimed steps, 0 or more.</param>
    /// <param name="steps">Timed steps: a positive multiple of <paramref name="window"/>.</param>
    /// <param name="window">Steps per timed window, at least 1.</param>
    /// <param name="threads">Torch threads, 0 (one per core) or more.</param>
    /// <param name="rssEvery">Sample resident memory every this many steps, 0 (start, warm-up and end only) or more.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">A name is unknown or a count is out of range; the message names the option.</exception>
    public static BenchmarkOptions Options(string model, string scope, int batch, int k, HardNegativeMode mode,
        int warmup, int steps, int window, int threads, int rssEvery)
    {
        string? problem = !Models.ContainsKey(model) ? $"--model must be one of {string.Join(", ", Models.Keys)}; got '{model}'."
            : !Scopes.ContainsKey(scope) ? $"--scope must be one of {string.Join(", ", Scopes.Keys)}; got '{scope}'."
            : batch < 1 ? "--batch must be at least 1."
            : k < 0 ? "--k must be 0 or more."
            : warmup < 0 ? "--warmup must be 0 or more."
            : window < 1 ? "--window must be at least 1."
            : steps < 1 || steps % window != 0 ? $"--steps must be a positive multiple of --window ({window})."
            : threads < 0 ? "--threads must be 0 or more."
            : rssEvery < 0 ? "--rss-every must be 0 or more."
            : null;
        return problem is not null
            ? throw new ArgumentException(problem)
            : new BenchmarkOptions(Models[model], batch, k, Scopes[scope], mode, WarmupSteps: warmup, MeasuredSteps: window,
                Threads: threads, Windows: steps / window, MemorySampleEvery: rssEvery);
    }
}
