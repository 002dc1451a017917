using HardNegRules.Training.Merging;

namespace HardNegRules.Training.Tests.Merging;

public class WeightAveragingTests : TorchTestBase
{
    // Two models of one architecture with different weights.
    private ClipModel _a = null!;
    private ClipModel _b = null!;

    [SetUp]
    public void CreateModels()
    {
        _a = new ClipModel(ColorWorld.TinyModel, seed: 1);
        _b = new ClipModel(ColorWorld.TinyModel, seed: 2);
    }

    [TearDown]
    public void DisposeModels()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private static Dictionary<string, float[]> Values(ClipModel model) =>
        model.state_dict().Where(e => e.Value.is_floating_point())
            .ToDictionary(e => e.Key, e => e.Value.detach().cpu().data<float>().ToArray());

    [Test]
    public void Alpha_zero_gives_the_first_model_and_alpha_one_the_second_bit_for_bit()
    {
        Dictionary<string, float[]> expectedA = Values(_a);
        Dictionary<string, float[]> expectedB = Values(_b);

        using ClipModel atZero = WeightAveraging.Average(_a, _b, 0.0);
        using ClipModel atOne = WeightAveraging.Average(_a, _b, 1.0);

        Dictionary<string, float[]> zero = Values(atZero);
        Dictionary<string, float[]> one = Values(atOne);
        Assert.That(zero.Keys, Is.EquivalentTo(expectedA.Keys));
        Assert.Multiple(() =>
        {
            foreach (string key in expectedA.Keys)
            {
                Assert.That(zero[key], Is.EqualTo(expectedA[key]), key);
                Assert.That(one[key], Is.EqualTo(expectedB[key]), key);
            }
            Assert.That(expectedA["logit_scale"], Is.EqualTo(expectedB["logit_scale"]));
            Assert.That(expectedA.Keys.Any(k => !expectedA[k].SequenceEqual(expectedB[k])), Is.True,
                "the two seeds must give different weights, or the test shows nothing");
        });
    }

    [Test]
    public void Alpha_one_half_gives_the_mean_of_every_parameter()
    {
        Dictionary<string, float[]> valuesA = Values(_a);
        Dictionary<string, float[]> valuesB = Values(_b);

        using ClipModel merged = WeightAveraging.Average(_a, _b, 0.5);

        Dictionary<string, float[]> mean = Values(merged);
        Assert.Multiple(() =>
        {
            foreach (string key in valuesA.Keys)
            {
                float[] expected = [.. valuesA[key].Zip(valuesB[key], (x, y) => (x + y) / 2)];
                Assert.That(mean[key], Is.EqualTo(expected).Within(1e-6f), key);
            }
        });
    }

    [Test]
    public void Interpolation_leaves_the_inputs_unchanged()
    {
        Dictionary<string, float[]> beforeA = Values(_a);
        Dictionary<string, float[]> beforeB = Values(_b);

        using ClipModel merged = WeightAveraging.Average(_a, _b, 0.3);

        Assert.Multiple(() =>
        {
            foreach (string key in beforeA.Keys)
            {
                Assert.That(Values(_a)[key], Is.EqualTo(beforeA[key]), key);
                Assert.That(Values(_b)[key], Is.EqualTo(beforeB[key]), key);
            }
        });
    }

    [Test]
    public void Models_of_different_shapes_are_refused_naming_the_parameter()
    {
        using var wider = new ClipModel(ColorWorld.TinyModel with { EmbedDim = 24 }, seed: 1);

        WeightMismatchException error = Assert.Throws<WeightMismatchException>(() => WeightAveraging.Average(_a, wider, 0.5))!;

        Assert.That(error.TensorName, Is.Not.Empty);
        Assert.That(error.Message, Does.Contain($"'{error.TensorName}'").And.Contain("shape").And.Contain("24"));
    }

    [TestCase(-0.01)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void Alpha_outside_zero_to_one_is_refused(double alpha)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WeightAveraging.Average(_a, _a, alpha))!;

        Assert.That(error.Message, Does.Contain("alpha must be a number from 0"));
    }

    [Test]
    public void Averaging_does_not_move_torchs_random_generator()
    {
        torch.manual_seed(77);
        float[] expected = torch.rand(8).data<float>().ToArray();

        torch.manual_seed(77);
        using (WeightAveraging.Average(_a, _b, 0.5))
        {
            Assert.That(torch.rand(8).data<float>().ToArray(), Is.EqualTo(expected));
        }
    }
}
