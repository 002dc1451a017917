using System.Text.Json.Serialization;

namespace HardNegRules.Training.Evaluation.Probes;

/// <summary>How well linear probes on each tower's frozen embeddings tell binding twins apart.</summary>
/// <param name="ImageAccuracy">Share of twin decisions the image-embedding probe gets right (chance 0.5).</param>
/// <param name="TextAccuracy">Share of twin decisions the caption-embedding probe gets right (chance 0.5).</param>
/// <param name="TwinCount">Binding twins evaluated (color and shape swaps); each gives two decisions.</param>
/// <param name="TrainSceneCount">Scenes the probes were fitted on.</param>
public sealed record BindingProbeResult(
    [property: JsonPropertyName("image")] double ImageAccuracy,
    [property: JsonPropertyName("text")] double TextAccuracy,
    [property: JsonPropertyName("twins")] int TwinCount,
    [property: JsonPropertyName("train_scenes")] int TrainSceneCount);
