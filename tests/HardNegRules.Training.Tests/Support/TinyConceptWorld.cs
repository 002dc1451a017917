using HardNegRules.Data.ConceptWorld;

namespace HardNegRules.Training.Tests.Support;

/// <summary>A concept world and a CLIP model small enough for unit tests (16-pixel images, a few scenes).</summary>
internal static class TinyConceptWorld
{
    public const int ImageSize = 16;

    public static readonly ClipModelOptions Model = new(
        EmbedDim: 16,
        Vision: new ConvTowerOptions(ImageSize, Channels: [8, 16], CoordinateChannels: true),
        Text: new TextTowerOptions(ClipModelOptions.ClipVocabularySize, ClipModelOptions.ClipContextLength, Width: 16, Heads: 2, Layers: 1));

    private static readonly Lazy<ConceptWorldDataset> Shared = new(() => ConceptWorldDataset.Generate(new ConceptWorldOptions
    {
        Seed = 3,
        ImageSize = ImageSize,
        TrainSceneCount = 6,
        ValidationSceneCount = 0,
        TestSceneCount = 16,
    }));

    public static ConceptWorldDataset World => Shared.Value;

    /// <summary>A training split of two-object scenes with complete captions, as the experiment's world.</summary>
    /// <param name="seed">The world's seed.</param>
    /// <param name="trainScenes">How many training scenes.</param>
    /// <param name="imageSize">Pixels per side.</param>
    public static ConceptWorldDataset TwoObjects(ulong seed, int trainScenes, int imageSize = ImageSize) => ConceptWorldDataset.Generate(new ConceptWorldOptions
    {
        Seed = seed,
        ImageSize = imageSize,
        TrainSceneCount = trainScenes,
        ValidationSceneCount = 0,
        TestSceneCount = 0,
        MinObjects = 2,
        MaxObjects = 2,
        CompleteCaptions = true,
    });
}
