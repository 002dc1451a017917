using static TorchSharp.torch;

namespace HardNegRules.Training.Tests.Model;

public class ClipModelTests : TorchTestBase
{
    private static readonly ClipModelOptions TinyConv = new(
        EmbedDim: 16,
        Vision: new ConvTowerOptions(ImageSize: 16, Channels: [8, 8], CoordinateChannels: true),
        Text: new TextTowerOptions(VocabularySize: 50, ContextLength: 77, Width: 16, Heads: 2, Layers: 1));

    private static readonly ClipModelOptions TinyVit = TinyConv with
    {
        Vision = new VitTowerOptions(ImageSize: 16, PatchSize: 8, Width: 16, Layers: 1, Heads: 2),
    };

    private static Tensor Tokens(params long[][] rows)
    {
        var ids = new long[rows.Length * 77];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r].CopyTo(ids, r * 77);
        }
        return torch.tensor(ids, [rows.Length, 77]);
    }

    [TestCaseSource(nameof(TinyModels))]
    public void Encoders_return_unit_vectors_of_the_embedding_size(ClipModelOptions options)
    {
        using var model = new ClipModel(options);

        Tensor images = torch.randn(3, 3, 16, 16);
        Tensor tokens = Tokens([49, 5, 6, 48], [49, 7, 48], [49, 48]);
        Tensor imageEmbeddings = model.EncodeImage(images);
        Tensor textEmbeddings = model.EncodeText(tokens);

        Assert.Multiple(() =>
        {
            Assert.That(imageEmbeddings.shape, Is.EqualTo(new long[] { 3, 16 }));
            Assert.That(textEmbeddings.shape, Is.EqualTo(new long[] { 3, 16 }));
            Assert.That(imageEmbeddings.norm(1).sub(1).abs().max().item<float>(), Is.LessThan(1e-5f));
            Assert.That(textEmbeddings.norm(1).sub(1).abs().max().item<float>(), Is.LessThan(1e-5f));
        });
    }

    private static readonly ClipModelOptions TinyConvMeanPooled = TinyConv with
    {
        Vision = new ConvTowerOptions(ImageSize: 16, Channels: [8, 8], CoordinateChannels: true, MeanPool: true),
    };

    private static IEnumerable<ClipModelOptions> TinyModels() => [TinyConv, TinyVit, TinyConvMeanPooled];

    [Test]
    public void Text_is_pooled_at_the_highest_id_so_tokens_after_it_do_not_matter()
    {
        using var model = new ClipModel(TinyConv);

        // 48 is the highest id in each row: the end-of-text position. The causal mask hides what follows it.
        Tensor embeddings = model.EncodeText(Tokens([9, 5, 6, 48, 0, 0], [9, 5, 6, 48, 17, 23]));
        Tensor changedBefore = model.EncodeText(Tokens([9, 5, 7, 48, 0, 0]));

        Assert.Multiple(() =>
        {
            Assert.That(embeddings[0].sub(embeddings[1]).abs().max().item<float>(), Is.LessThan(1e-6f));
            Assert.That(embeddings[0].sub(changedBefore[0]).abs().max().item<float>(), Is.GreaterThan(1e-4f));
        });
    }

    [Test]
    public void A_caption_embeds_the_same_alone_and_next_to_a_much_longer_one()
    {
        // The text tower runs only up to the batch's last end-of-text position; a short caption must not notice.
        using var model = new ClipModel(TinyConv);
        long[] longCaption = Enumerable.Range(0, 70).Select(i => (long)(1 + i % 40)).Append(48).ToArray();

        Tensor alone = model.EncodeText(Tokens([9, 5, 6, 48]));
        Tensor together = model.EncodeText(Tokens([9, 5, 6, 48], longCaption));

        Assert.That(together[0].sub(alone[0]).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [Test]
    public void Explicit_end_index_selects_that_position()
    {
        using var model = new ClipModel(TinyConv);
        Tensor tokens = Tokens([1, 5, 6, 30, 2, 0]);

        Tensor byHighestId = model.EncodeText(tokens);                       // id 30 at position 3
        Tensor atThree = model.EncodeText(tokens, torch.tensor(new long[] { 3 }));
        Tensor atTwo = model.EncodeText(tokens, torch.tensor(new long[] { 2 }));

        Assert.Multiple(() =>
        {
            Assert.That(byHighestId.sub(atThree).abs().max().item<float>(), Is.LessThan(1e-6f));
            Assert.That(byHighestId.sub(atTwo).abs().max().item<float>(), Is.GreaterThan(1e-4f));
        });
    }

    [Test]
    public void Logit_scale_starts_at_one_over_0_07_and_is_clamped_at_100()
    {
        using var model = new ClipModel(TinyConv);

        float initial = model.LogitScale().item<float>();
        using (torch.no_grad())
        {
            model.LogLogitScale.fill_(10.0);
        }
        float clamped = model.LogitScale().item<float>();

        Assert.Multiple(() =>
        {
            Assert.That(initial, Is.EqualTo(1 / 0.07f).Within(1e-4f));
            Assert.That(clamped, Is.EqualTo(100f));
        });
    }

    [Test]
    public void Conv_tower_with_coordinates_sees_where_a_blob_is()
    {
        // Captions say left and right: the same blob on either side must not embed the same.
        using var model = new ClipModel(TinyConv);
        Tensor left = torch.zeros(1, 3, 16, 16);
        Tensor right = torch.zeros(1, 3, 16, 16);
        left[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(6, 10), TensorIndex.Slice(1, 5)] = torch.tensor(1f);
        right[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(6, 10), TensorIndex.Slice(11, 15)] = torch.tensor(1f);

        float difference = model.EncodeImage(left).sub(model.EncodeImage(right)).abs().max().item<float>();

        Assert.That(difference, Is.GreaterThan(1e-3f));
    }

    [Test]
    public void Mean_pooling_adds_the_final_maps_channels_to_the_projection_and_names_itself()
    {
        using var flat = new ClipModel(TinyConv);
        using var pooled = new ClipModel(TinyConvMeanPooled);

        long Count(ClipModel m) => m.parameters().Sum(p => p.numel());

        // The projection reads 8 more features (the mean of each of the 8 channels) into 16 outputs; LayerNorm 2 x 8.
        Assert.That(Count(pooled) - Count(flat), Is.EqualTo((8 * 16) + (2 * 8)));
        Assert.That(TinyConvMeanPooled.Vision.ToString(), Does.Contain("MeanPool = True"));
        Assert.That(TinyConv.Vision.ToString(), Does.Not.Contain("MeanPool"), "older checkpoints keep matching");
    }

    [Test]
    public void Wrong_image_size_is_a_clear_error()
    {
        using var model = new ClipModel(TinyConv);

        var error = Assert.Throws<ArgumentException>(() => model.EncodeImage(torch.zeros(1, 3, 32, 32)));

        Assert.That(error!.Message, Does.Contain("[batch, 3, 16, 16]"));
    }

    [Test]
    public void Invalid_options_are_rejected()
    {
        var badVit = TinyVit with { Vision = new VitTowerOptions(ImageSize: 20, PatchSize: 8, Width: 16, Layers: 1, Heads: 2) };
        var badHeads = TinyConv with { Text = TinyConv.Text with { Heads = 3 } };

        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => badVit.Validate());
            Assert.Throws<ArgumentException>(() => badHeads.Validate());
        });
    }

    [Test]
    public void VitB32_has_exactly_the_parameter_count_of_OpenAI_CLIP_ViT_B_32()
    {
        var options = ClipModelOptions.VitB32;
        var vit = (VitTowerOptions)options.Vision;

        using var model = new ClipModel(options);

        Assert.Multiple(() =>
        {
            // 151,277,313 is the count of the published ViT-B-32.pt state dict (all parameters incl. logit_scale).
            Assert.That(model.ParameterCount, Is.EqualTo(151_277_313));
            Assert.That((vit.ImageSize, vit.PatchSize, vit.Width, vit.Layers, vit.Heads), Is.EqualTo((224, 32, 768, 12, 12)));
            Assert.That(options.Text, Is.EqualTo(new TextTowerOptions(49408, 77, 512, 8, 12)));
            Assert.That(options.EmbedDim, Is.EqualTo(512));
            Assert.That(options.Activation, Is.EqualTo(ActivationKind.QuickGelu));
        });
    }

    [Test]
    public void State_dict_uses_CLIP_key_names()
    {
        using var model = new ClipModel(TinyVit);

        var keys = model.state_dict().Keys.ToHashSet();

        Assert.That(keys, Is.SupersetOf(new[]
        {
            "logit_scale", "visual.conv1.weight", "visual.class_embedding", "visual.positional_embedding",
            "visual.ln_pre.weight", "visual.transformer.resblocks.0.attn.in_proj.weight", "visual.ln_post.bias",
            "visual.proj", "text.token_embedding.weight", "text.positional_embedding", "text.ln_final.weight",
            "text.text_projection", "text.transformer.resblocks.0.mlp.c_fc.weight",
        }));
    }
}
