using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Data.ConceptWorld.Rendering;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Training.Model;
using HardNegRules.Training.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace HardNegRules.Training.Evaluation;

/// <summary>
/// Embeds concept-world scenes, photos and captions with a trained model in evaluation mode, without gradients, in batches, and
/// scores caption-image pairs by cosine similarity (the embeddings are unit length).
/// </summary>
/// <param name="model">The model; it is switched to evaluation mode.</param>
/// <param name="tokenizer">CLIP's tokenizer (the model's context must be its 77 tokens).</param>
/// <param name="batchSize">Rows per forward pass.</param>
public sealed class ClipEmbedder(ClipModel model, ClipTokenizer tokenizer, int batchSize = 256)
{
    private readonly int _dimension = model.Options.EmbedDim;

    /// <summary>The unit embeddings of the scenes rendered at the model's image size, one row each.</summary>
    /// <param name="scenes">The scenes.</param>
    /// <returns>scenes.Count rows of the embedding dimension.</returns>
    public float[][] EmbedScenes(IReadOnlyList<Scene> scenes)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        int size = model.Options.Vision.ImageSize;
        return EmbedPixels(scenes.Count, (index, destination) => SceneRenderer.RenderNormalizedChw(scenes[index], size, destination));
    }

    /// <summary>The unit embeddings of preprocessed images (normalised CHW floats at the model's size), one row each.</summary>
    /// <param name="images">The images; each 3 x size x size floats.</param>
    /// <returns>images.Count rows of the embedding dimension.</returns>
    public float[][] EmbedImages(IReadOnlyList<float[]> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return EmbedPixels(images.Count, (index, destination) => images[index].AsSpan(0, destination.Length).CopyTo(destination));
    }

    /// <summary>The unit embeddings of the texts, one row each.</summary>
    /// <param name="texts">The captions.</param>
    /// <returns>texts.Count rows of the embedding dimension.</returns>
    public float[][] EmbedTexts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int context = ClipTokenizer.ContextLength;
        return EmbedInBatches(texts.Count, (start, count) =>
        {
            long[] ids = tokenizer.EncodeBatch([.. texts.Skip(start).Take(count)]);
            using Tensor tokens = torch.tensor(ids, [count, context], device: Device());
            return model.EncodeText(tokens);
        });
    }

    /// <summary>The similarity of two unit embeddings.</summary>
    /// <param name="text">A caption's embedding.</param>
    /// <param name="image">An image's embedding.</param>
    /// <returns>Their dot product.</returns>
    public static float Score(float[] text, float[] image)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(image);
        float sum = 0;
        for (int i = 0; i < text.Length; i++)
        {
            sum += text[i] * image[i];
        }
        return sum;
    }

    /// <summary>Every caption against every image: the matrix that retrieval ranks.</summary>
    /// <param name="captions">Caption embeddings, one per row of the result.</param>
    /// <param name="images">Image embeddings, one per column.</param>
    /// <returns>The scores, caption-major.</returns>
    public static CaptionImageScores ScoreAll(IReadOnlyList<float[]> captions, IReadOnlyList<float[]> images)
    {
        ArgumentNullException.ThrowIfNull(captions);
        ArgumentNullException.ThrowIfNull(images);
        var values = new float[captions.Count * images.Count];
        for (int c = 0; c < captions.Count; c++)
        {
            for (int i = 0; i < images.Count; i++)
            {
                values[(c * images.Count) + i] = Score(captions[c], images[i]);
            }
        }
        return new CaptionImageScores(values, captions.Count, images.Count);
    }

    private torch.Device Device() => model.parameters().First().device;

    /// <summary>Writes image <c>index</c>'s normalised CHW floats into <c>destination</c>.</summary>
    private delegate void PixelWriter(int index, Span<float> destination);

    private float[][] EmbedPixels(int total, PixelWriter write)
    {
        int size = model.Options.Vision.ImageSize;
        int pixels = 3 * size * size;
        return EmbedInBatches(total, (start, count) =>
        {
            var buffer = new float[count * pixels];
            for (int i = 0; i < count; i++)
            {
                write(start + i, buffer.AsSpan(i * pixels, pixels));
            }
            using Tensor images = torch.tensor(buffer, [count, 3, size, size], device: Device());
            return model.EncodeImage(images);
        });
    }

    private float[][] EmbedInBatches(int total, Func<int, int, Tensor> encode)
    {
        var rows = new float[total][];
        model.eval();
        using (torch.no_grad())
        {
            for (int start = 0; start < total; start += batchSize)
            {
                int count = Math.Min(batchSize, total - start);
                using DisposeScope scope = torch.NewDisposeScope();
                using Tensor embeddings = encode(start, count).cpu();
                float[] flat = embeddings.data<float>().ToArray();
                for (int i = 0; i < count; i++)
                {
                    rows[start + i] = flat.AsSpan(i * _dimension, _dimension).ToArray();
                }
            }
        }
        return rows;
    }
}
