using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld;

/// <summary>Settings of a generated concept world. The defaults are the sparse world (docs/world.md); the experiment's world sets two objects and complete captions.</summary>
public sealed class ConceptWorldOptions
{
    /// <summary>The seed; the whole world (scenes, captions, held-out pairs, twins, pixels) is a function of the options.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Image width and height in pixels (the image is square). 64 by default; 96 and 128 work as well.</summary>
    public int ImageSize { get; init; } = 64;

    /// <summary>The number of training scenes.</summary>
    public int TrainSceneCount { get; init; } = 10_000;

    /// <summary>The number of validation scenes (drawn like training: no held-out pair).</summary>
    public int ValidationSceneCount { get; init; } = 500;

    /// <summary>The number of test scenes.</summary>
    public int TestSceneCount { get; init; } = 500;

    /// <summary>The number of distinct captions written per scene; a scene gives fewer when it has fewer to say.</summary>
    public int CaptionsPerScene { get; init; } = 3;

    /// <summary>
    /// The share (0 to 1) of captions that state location: an absolute position, a relation, or a left-to-right or
    /// top-to-bottom order. Real captions rarely do; when every caption does,
    /// random negatives teach position and hard negatives cannot show an effect.
    /// </summary>
    public double PositionalCaptionShare { get; init; } = 0.15;

    /// <summary>
    /// Whether every caption names every object of its scene with its color and shape (size in
    /// <see cref="SizeMentionShare"/> of captions); positional captions then use only the templates that name every
    /// object. Off by default: captions then name one object or a subset, and some omit color. Binding can only be
    /// learnt when captions state it, so the experiment's world turns this on.
    /// </summary>
    public bool CompleteCaptions { get; init; }

    /// <summary>With <see cref="CompleteCaptions"/>: the share (0 to 1) of captions that also state each object's size.</summary>
    public double SizeMentionShare { get; init; } = 1.0 / 3;

    /// <summary>The fewest objects in a scene (at least 1).</summary>
    public int MinObjects { get; init; } = 1;

    /// <summary>The most objects in a scene (at most <see cref="Scene.MaxObjects"/>).</summary>
    public int MaxObjects { get; init; } = Scene.MaxObjects;

    /// <summary>Whether objects may be medium-sized; by default sizes are small and large only.</summary>
    public bool IncludeMediumSize { get; init; }

    /// <summary>The shapes used; all by default. At least two.</summary>
    public IReadOnlyList<ObjectShape> Shapes { get; init; } = Enum.GetValues<ObjectShape>();

    /// <summary>The colors used; all by default. At least two.</summary>
    public IReadOnlyList<ObjectColor> Colors { get; init; } = Enum.GetValues<ObjectColor>();

    /// <summary>
    /// How many color-shape pairs are held out of training and validation. No two held-out pairs share a color or a
    /// shape, so every color and every shape is still seen in training; at most min(colors, shapes) - 1.
    /// </summary>
    public int HeldOutPairCount { get; init; } = 6;

    /// <summary>The share (0 to 1) of test scenes built to contain at least one held-out pair; the rest are drawn like training.</summary>
    public double HeldOutTestShare { get; init; } = 0.5;

    /// <summary>The largest per-pixel noise in 0-255 units.</summary>
    public int NoiseAmplitude { get; init; } = 8;

    /// <summary>The largest per-scene shift of each background channel in 0-255 units.</summary>
    public int BackgroundShift { get; init; } = 15;

    /// <summary>Checks that the settings are usable.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ImageSize, 16, nameof(ImageSize));
        ArgumentOutOfRangeException.ThrowIfNegative(TrainSceneCount, nameof(TrainSceneCount));
        ArgumentOutOfRangeException.ThrowIfNegative(ValidationSceneCount, nameof(ValidationSceneCount));
        ArgumentOutOfRangeException.ThrowIfNegative(TestSceneCount, nameof(TestSceneCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CaptionsPerScene, nameof(CaptionsPerScene));
        RequireShare(PositionalCaptionShare, nameof(PositionalCaptionShare));
        RequireShare(HeldOutTestShare, nameof(HeldOutTestShare));
        RequireShare(SizeMentionShare, nameof(SizeMentionShare));
        if (MinObjects < 1 || MaxObjects > Scene.MaxObjects || MinObjects > MaxObjects)
        {
            throw new ArgumentException($"Objects per scene must satisfy 1 <= {MinObjects} <= {MaxObjects} <= {Scene.MaxObjects}.");
        }

        ArgumentNullException.ThrowIfNull(Shapes, nameof(Shapes));
        ArgumentNullException.ThrowIfNull(Colors, nameof(Colors));
        if (Shapes.Distinct().Count() != Shapes.Count || Shapes.Count < 2 || Colors.Distinct().Count() != Colors.Count || Colors.Count < 2)
        {
            throw new ArgumentException("Shapes and Colors must each list at least two distinct values.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(HeldOutPairCount, nameof(HeldOutPairCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HeldOutPairCount, Math.Min(Colors.Count, Shapes.Count) - 1, nameof(HeldOutPairCount));
        ArgumentOutOfRangeException.ThrowIfNegative(NoiseAmplitude, nameof(NoiseAmplitude));
        ArgumentOutOfRangeException.ThrowIfNegative(BackgroundShift, nameof(BackgroundShift));
    }

    /// <summary>The sizes sampled under these options.</summary>
    /// <returns>Small and large, plus medium when <see cref="IncludeMediumSize"/>.</returns>
    public IReadOnlyList<ObjectSize> Sizes() =>
        IncludeMediumSize ? [ObjectSize.Small, ObjectSize.Medium, ObjectSize.Large] : [ObjectSize.Small, ObjectSize.Large];

    private static void RequireShare(double value, string name)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A share lies between 0 and 1.");
        }
    }
}
