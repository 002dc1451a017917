using static TorchSharp.torch;

namespace HardNegRules.Training.Tests.Model;

/// <summary>
/// The state-dict keys are a file format: checkpoints, safetensors exports and the OpenAI/Hugging Face weight map
/// all name tensors by them. They are pinned here against lists checked in beside this file (key and shape, in
/// registration order), so renaming a field can never rename a key.
/// </summary>
public class StateDictKeyTests : TorchTestBase
{
    private static readonly TextTowerOptions TwoLayerText =
        new(VocabularySize: 50, ContextLength: 77, Width: 16, Heads: 2, Layers: 2);

    private static readonly ClipModelOptions ConvMeanPooled = new(
        EmbedDim: 16,
        Vision: new ConvTowerOptions(ImageSize: 16, Channels: [8, 8], CoordinateChannels: true, MeanPool: true),
        Text: TwoLayerText);

    private static readonly ClipModelOptions Vit = ConvMeanPooled with
    {
        Vision = new VitTowerOptions(ImageSize: 16, PatchSize: 8, Width: 16, Layers: 2, Heads: 2),
    };

    private static IEnumerable<TestCaseData> Models()
    {
        yield return new TestCaseData(ConvMeanPooled, "conv-mean-pooled.txt").SetArgDisplayNames("conv");
        yield return new TestCaseData(Vit, "vit.txt").SetArgDisplayNames("vit");
    }

    private static string[] Listed(string fileName) => File.ReadAllLines(
        Path.Combine(RepositoryFiles.Root, "tests", "HardNegRules.Training.Tests", "Model", "StateDictKeys", fileName));

    private static string[] KeysAndShapes(ClipModel model) =>
        [.. model.state_dict().Select(entry => $"{entry.Key} [{string.Join(", ", entry.Value.shape)}]")];

    [TestCaseSource(nameof(Models))]
    public void State_dict_keys_and_shapes_are_the_checked_in_list(ClipModelOptions options, string fileName)
    {
        using var model = new ClipModel(options, seed: 1);

        Assert.That(KeysAndShapes(model), Is.EqualTo(Listed(fileName)));
    }

    [TestCaseSource(nameof(Models))]
    public void Converting_the_dtype_keeps_the_keys_and_the_fields_on_the_registered_tensors(
        ClipModelOptions options, string fileName)
    {
        using var model = new ClipModel(options, seed: 1);

        // TorchSharp replaces parameters on a dtype or device change and stores the new ones back into the fields it
        // finds under each component's name: a field whose name differed from its key would keep the old tensor.
        model.to(ScalarType.Float64);

        Dictionary<string, Tensor> state = model.state_dict();
        Assert.Multiple(() =>
        {
            Assert.That(KeysAndShapes(model), Is.EqualTo(Listed(fileName)));
            Assert.That(state.Values.Select(tensor => tensor.dtype), Is.All.EqualTo(ScalarType.Float64));
            Assert.That(model.LogLogitScale.Handle, Is.EqualTo(state["logit_scale"].Handle));
            Assert.That(model.LogLogitScale.dtype, Is.EqualTo(ScalarType.Float64));
        });
        using Tensor images = torch.randn(2, 3, 16, 16, ScalarType.Float64);
        using Tensor embedded = model.EncodeImage(images);
        Assert.That(embedded.dtype, Is.EqualTo(ScalarType.Float64));
    }
}
