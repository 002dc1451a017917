namespace HardNegRules.Training.Model;

/// <summary>Shape of the image tower: either <see cref="VitTowerOptions"/> or <see cref="ConvTowerOptions"/>.</summary>
/// <param name="ImageSize">Side of the square input images in pixels.</param>
public abstract record VisionTowerOptions(int ImageSize)
{
    internal abstract void Validate();
}

/// <summary>A vision transformer as in OpenAI CLIP: patch embedding, class token, positional embedding, pre-LN blocks.</summary>
/// <param name="ImageSize">Side of the square input images in pixels; a multiple of <paramref name="PatchSize"/>.</param>
/// <param name="PatchSize">Side of the square patches.</param>
/// <param name="Width">Width of the patch embeddings and of the transformer.</param>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="Heads">Attention heads; must divide <paramref name="Width"/>.</param>
public sealed record VitTowerOptions(int ImageSize, int PatchSize, int Width, int Layers, int Heads)
    : VisionTowerOptions(ImageSize)
{
    /// <summary>Patches along one side of the image.</summary>
    public int GridSize => ImageSize / PatchSize;

    internal override void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Heads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Layers, 0);
        if (ImageSize < PatchSize || ImageSize % PatchSize != 0)
        {
            throw new ArgumentException($"Image size {ImageSize} must be a positive multiple of the patch size {PatchSize}.");
        }
        if (Width < 1 || Width % Heads != 0)
        {
            throw new ArgumentException($"Vision width {Width} must be a positive multiple of the head count {Heads}.");
        }
    }
}

/// <summary>
/// A small convolutional image tower for tiny models on a CPU: stride-2 3x3 convolutions, then the final feature map is
/// flattened (not pooled) into the projection. Flattening and the optional coordinate channels keep <em>where</em> things
/// are in the image, which pooling would discard and which captions about left/right need.
/// </summary>
/// <param name="ImageSize">Side of the square input images; must be divisible by 2^(number of stages).</param>
/// <param name="Channels">Output channels of each stride-2 stage, e.g. [32, 64, 128, 128] (64x64 in, 4x4 out).</param>
/// <param name="CoordinateChannels">Add two channels holding the x and y coordinate in [-1, 1] to the input.</param>
/// <param name="MeanPool">Also give the projection the final map averaged over positions. The flattened map has its
/// own weights for each position, so a feature ("a red circle here") must be read out 16 times over; its mean is read
/// out once for every position, which is what binding an attribute to an object wherever it is needs.</param>
public sealed record ConvTowerOptions(int ImageSize, IReadOnlyList<int> Channels, bool CoordinateChannels = true,
    bool MeanPool = false)
    : VisionTowerOptions(ImageSize)
{
    /// <summary>Side of the final feature map.</summary>
    public int FinalMapSize => ImageSize >> Channels.Count;

    internal override void Validate()
    {
        if (Channels.Count == 0 || Channels.Any(c => c < 1))
        {
            throw new ArgumentException("The conv tower needs at least one stage, each with a positive channel count.");
        }
        if (FinalMapSize < 1 || FinalMapSize << Channels.Count != ImageSize)
        {
            throw new ArgumentException(
                $"Image size {ImageSize} must be divisible by 2^{Channels.Count} (one halving per conv stage).");
        }
    }

    /// <summary>Prints the channel list itself (records print a collection's type name), so that
    /// <c>ToString</c> identifies the architecture: checkpoints compare it.</summary>
    /// <param name="builder">Receives the members.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("ImageSize = ").Append(ImageSize)
            .Append(", Channels = [").Append(string.Join(", ", Channels)).Append(']')
            .Append(", CoordinateChannels = ").Append(CoordinateChannels);
        if (MeanPool)
        {
            builder.Append(", MeanPool = True");   // printed only when set, so older checkpoints still match
        }
        return true;
    }

    /// <inheritdoc />
    public bool Equals(ConvTowerOptions? other) =>
        other is not null && ImageSize == other.ImageSize && CoordinateChannels == other.CoordinateChannels
        && MeanPool == other.MeanPool && Channels.SequenceEqual(other.Channels);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ImageSize);
        hash.Add(CoordinateChannels);
        foreach (int c in Channels)
        {
            hash.Add(c);
        }
        return hash.ToHashCode();
    }
}
