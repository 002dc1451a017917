using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>
/// A small image tower for CPU training: optional x/y coordinate channels, stride-2 3x3 conv stages with GELU, the final
/// map flattened (keeping position), optionally with its mean over positions, layer-normalised and projected to the
/// embedding space.
/// </summary>
internal sealed class ConvVisionTower : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Conv2d> stages;
    private readonly LayerNorm norm;
    private readonly Linear projection;
    private readonly bool coordinateChannels;
    private readonly bool meanPool;

    public ConvVisionTower(ConvTowerOptions options, int embedDim) : base(nameof(ConvVisionTower))
    {
        coordinateChannels = options.CoordinateChannels;
        meanPool = options.MeanPool;
        var convolutions = new List<Conv2d>();
        long inChannels = coordinateChannels ? 5 : 3;
        foreach (int outChannels in options.Channels)
        {
            convolutions.Add(nn.Conv2d(inChannels, outChannels, kernel_size: 3, stride: 2, padding: 1));
            inChannels = outChannels;
        }
        stages = new ModuleList<Conv2d>(convolutions.ToArray());
        long flattened = inChannels * options.FinalMapSize * options.FinalMapSize + (meanPool ? inChannels : 0);
        norm = nn.LayerNorm(flattened);
        projection = nn.Linear(flattened, embedDim);
        RegisterComponents();
    }

    /// <param name="images">[batch, 3, size, size], normalised.</param>
    /// <returns>[batch, embedDim], not normalised.</returns>
    public override Tensor forward(Tensor images)
    {
        Tensor current = coordinateChannels ? WithCoordinates(images) : images.alias();
        foreach (Conv2d stage in stages)
        {
            using Tensor convolved = stage.forward(current);
            current.Dispose();
            current = nn.functional.gelu(convolved);
        }
        using Tensor flat = meanPool ? torch.cat([current.flatten(1), current.mean([2, 3])], 1) : current.flatten(1);
        current.Dispose();
        using Tensor normed = norm.forward(flat);
        return projection.forward(normed);
    }

    /// <summary>Appends two channels holding each pixel's x and y in [-1, 1]: convolutions alone cannot tell where they are.</summary>
    private static Tensor WithCoordinates(Tensor images)
    {
        long batch = images.shape[0];
        long height = images.shape[2];
        long width = images.shape[3];
        using Tensor ys = torch.linspace(-1, 1, height, images.dtype, images.device).view(1, 1, height, 1)
            .expand(batch, 1, height, width);
        using Tensor xs = torch.linspace(-1, 1, width, images.dtype, images.device).view(1, 1, 1, width)
            .expand(batch, 1, height, width);
        return torch.cat([images, xs, ys], 1);
    }
}
