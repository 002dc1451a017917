using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Data.ConceptWorld.Rendering;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.ConceptWorld.Twins;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.ConceptWorld;

/// <summary>An image-caption pair: one caption of one scene. The image is rendered on demand, identically every time.</summary>
public sealed class ConceptWorldSample
{
    internal ConceptWorldSample(WorldScene scene, Caption caption, int imageSize)
    {
        Source = scene;
        Caption = caption;
        ImageSize = imageSize;
    }

    /// <summary>The scene id, shared by the samples of one scene (use it to avoid same-image negatives in a batch).</summary>
    public string SceneId => Source.Id;

    /// <summary>The scene graph.</summary>
    public Scene Scene => Source.Scene;

    /// <summary>The caption, true of the scene.</summary>
    public Caption Caption { get; }

    /// <summary>The caption's id.</summary>
    public string CaptionId => Caption.Id;

    /// <summary>The caption's text.</summary>
    public string CaptionText => Caption.Text;

    /// <summary>The concepts the caption mentions.</summary>
    public WorldConcepts Concepts => Caption.Concepts;

    /// <summary>Whether the scene shows a held-out color-shape pair.</summary>
    public bool HasHeldOutPair => Source.HasHeldOutPair;

    /// <summary>The image side in pixels.</summary>
    public int ImageSize { get; }

    private WorldScene Source { get; }

    /// <summary>Renders the scene.</summary>
    /// <returns>The image; the caller disposes it.</returns>
    public Image<Rgb24> RenderImage() => SceneRenderer.Render(Scene, ImageSize);

    /// <summary>Renders the scene as CLIP-normalised channel-major floats into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 3 * <see cref="ImageSize"/>^2 floats.</param>
    public void RenderNormalizedChw(Span<float> destination) => SceneRenderer.RenderNormalizedChw(Scene, ImageSize, destination);

    /// <summary>The caption's text-side binding negatives (see <see cref="TextNegativeMaker"/>).</summary>
    /// <returns>The negatives, possibly empty.</returns>
    public IReadOnlyList<TextNegative> BindingNegatives() => TextNegativeMaker.BindingNegatives(Scene, Caption);
}
