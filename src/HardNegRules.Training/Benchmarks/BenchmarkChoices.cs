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
}
