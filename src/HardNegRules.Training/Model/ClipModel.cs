using HardNegRules.Training.Setup;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>
/// A CLIP dual encoder: an image tower (ViT or small conv tower), CLIP's text transformer, projections into a shared
/// space, and a learnable logit scale. Build with <see cref="ClipModelOptions"/> and a seed for a reproducible
/// initialisation.
/// </summary>
public sealed class ClipModel : nn.Module
{
    // [ComponentName] gives each component its state-dict key (RegisterComponents, and TorchSharp's re-registration
    // when the module moves to another device or dtype). The keys follow OpenAI CLIP's names so that loading its
    // weights is a small key mapping (text tower under "text.", in_proj_weight -> in_proj.weight), not a redesign.
    [ComponentName(Name = "visual")] private readonly nn.Module<Tensor, Tensor> _visual;
    [ComponentName(Name = "text")] private readonly TextTransformer _text;
    [ComponentName(Name = "logit_scale")] private readonly Parameter _logitScale;

    /// <summary>Builds a freshly initialised model.</summary>
    /// <param name="options">The architecture; validated here.</param>
    /// <param name="seed">Seeds torch's generator before the weights are drawn, for a reproducible initialisation;
    /// null keeps the generator's current state.</param>
    public ClipModel(ClipModelOptions options, long? seed = null) : base(NameAfterPreparingTorch())
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (seed is { } value)
        {
            torch.manual_seed(value);
        }
        Options = options;
        _visual = options.Vision switch
        {
            VitTowerOptions vit => new VisionTransformer(vit, options.EmbedDim, options.Activation),
            ConvTowerOptions conv => new ConvVisionTower(conv, options.EmbedDim),
            _ => throw new ArgumentException($"Unknown vision tower {options.Vision.GetType().Name}.", nameof(options)),
        };
        _text = new TextTransformer(options.Text, options.EmbedDim, options.Activation);
        _logitScale = nn.Parameter(torch.tensor(ClipModelOptions.InitialLogitScale, ScalarType.Float32));
        RegisterComponents();
    }

    /// <summary>Runs <see cref="TorchSetup.PrepareEnvironment"/> before the base constructor can load libtorch: the
    /// allocator and OpenMP settings only work if they precede it.</summary>
    private static string NameAfterPreparingTorch()
    {
        TorchSetup.PrepareEnvironment();
        return nameof(ClipModel);
    }

    /// <summary>The architecture this model was built with.</summary>
    public ClipModelOptions Options { get; }

    /// <summary>The learnable log logit scale (a scalar parameter; exclude it from weight decay).</summary>
    public Parameter LogLogitScale => _logitScale;

    /// <summary>Number of trainable scalars.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>exp(logit scale) clamped at <see cref="ClipModelOptions.MaxLogitScale"/>; differentiable below the clamp.</summary>
    public Tensor LogitScale()
    {
        using Tensor scale = _logitScale.exp();
        return scale.clamp_max(ClipModelOptions.MaxLogitScale);
    }

    /// <summary>Embeds images.</summary>
    /// <param name="images">Float [batch, 3, size, size], already normalised.</param>
    /// <returns>[batch, embedDim], L2-normalised.</returns>
    public Tensor EncodeImage(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        int size = Options.Vision.ImageSize;
        if (images.dim() != 4 || images.shape[1] != 3 || images.shape[2] != size || images.shape[3] != size)
        {
            throw new ArgumentException(
                $"Expected images of shape [batch, 3, {size}, {size}], got [{string.Join(", ", images.shape)}].",
                nameof(images));
        }
        using Tensor features = _visual.forward(images);
        return nn.functional.normalize(features, p: 2, dim: -1);
    }

    /// <summary>Embeds captions.</summary>
    /// <param name="tokens">Int64 [batch, contextLength] token ids.</param>
    /// <param name="endIndex">Int64 [batch] positions of the end-of-text token, or null for each row's highest id.</param>
    /// <returns>[batch, embedDim], L2-normalised.</returns>
    public Tensor EncodeText(Tensor tokens, Tensor? endIndex = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        using Tensor features = _text.forward(tokens, endIndex);
        return nn.functional.normalize(features, p: 2, dim: -1);
    }
}
