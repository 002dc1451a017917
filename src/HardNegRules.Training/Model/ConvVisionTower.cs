using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>
/// A small image tower for CPU training: optional x/y coordinate channels, stride-2 3x3 conv stages with GELU, the final
/// map flattened (keeping position), optionally with its mean over positions, layer-normalised and projected to the
/// embedding space.
/// </summary>
internal sealed class ConvVisionTower : nn.Module<Tensor, Tensor>
{
    // State-dict keys, given by [ComponentName] (see ClipModel): checkpoints hold "visual.stages.0.weight" and so on.
    [ComponentName(Name = "stages")] private readonly ModuleList<Conv2d> _stages;
    [ComponentName(Name = "norm")] private readonly LayerNorm _norm;
    [ComponentName(Name = "projection")] private readonly Linear _projection;
    private readonly bool _coordinateChannels;
    private readonly bool _meanPool;

    public ConvVisionTower(ConvTowerOptions options, int embedDim) : base(nameof(ConvVisionTower))
    {
        _coordinateChannels = options.CoordinateChannels;
        _meanPool = options.MeanPool;
        var convolutions = new List<Conv2d>();
        long inChannels = _coordinateChannels ? 5 : 3;
        foreach (int outChannels in options.Channels)
        {
            convolutions.Add(nn.Conv2d(inChannels, outChannels, kernel_size: 3, stride: 2, padding: 1));
            inChannels = outChannels;
        }
        _stages = new ModuleList<Conv2d>(convolutions.ToArray());
        long flattened = inChannels * options.FinalMapSize * options.FinalMapSize + (_meanPool ? inChannels : 0);
        _norm = nn.LayerNorm(flattened);
        _projection = nn.Linear(flattened, embedDim);
        RegisterComponents();
    }

    /// <param name="images">[batch, 3, size, size], normalised.</param>
    /// <returns>[batch, embedDim], not normalised.</returns>
    public override Tensor forward(Tensor images)
    {
        Tensor current = _coordinateChannels ? WithCoordinates(images) : images.alias();
        foreach (Conv2d stage in _stages)
        {
            using Tensor convolved = stage.forward(current);
            current.Dispose();
            current = nn.functional.gelu(convolved);
        }
        using Tensor flat = _meanPool ? torch.cat([current.flatten(1), current.mean([2, 3])], 1) : current.flatten(1);
        current.Dispose();
        using Tensor normed = _norm.forward(flat);
        return _projection.forward(normed);
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
