using HardNegRules.Data.Loaders;
using HardNegRules.Training.Evaluation;

namespace HardNegRules.Training.Tests.Evaluation;

/// <summary>What an evaluation asks for is checked before any model or data is read, in the options' terms.</summary>
public class EvaluationRequestTests
{
    [Test]
    public void A_request_names_one_model_a_checkpoint_or_weights()
    {
        EvaluationRequest checkpoint = EvaluationRequest.ForModel("runs/a", null);
        EvaluationRequest weights = EvaluationRequest.ForModel(null, "clip/model.safetensors");

        Assert.That((checkpoint.Model, checkpoint.ModelIsWeights), Is.EqualTo(("runs/a", false)));
        Assert.That((weights.Model, weights.ModelIsWeights), Is.EqualTo(("clip/model.safetensors", true)));
        Assert.That(checkpoint.Suite, Is.EqualTo(EvaluationSuites.Preset));
    }

    [TestCase(null, null)]
    [TestCase("", null)]
    [TestCase("runs/a", "clip/model.safetensors")]
    public void Both_or_neither_model_is_refused(string? checkpoint, string? weights)
    {
        var error = Assert.Throws<ArgumentException>(() => EvaluationRequest.ForModel(checkpoint, weights));

        Assert.That(error!.Message, Is.EqualTo("Give one of --checkpoint PATH and --weights FILE."));
    }

    [TestCase("nope", null, null, "--suite must be one of preset, sugarcrepe, inpaintcoco, winoground, aro, probe or all; got 'nope'.")]
    [TestCase(EvaluationSuites.SugarCrepe, null, null, "--suite sugarcrepe needs --images DIR (COCO val2017 images).")]
    [TestCase(EvaluationSuites.Preset, null, 0, "--max-items must be at least 1.")]
    public void A_bad_request_is_refused_before_the_model_is_read(string suite, string? images, int? maxItems, string expected)
    {
        // The model names no file: had the check not come first, the error would be about the missing checkpoint.
        EvaluationRequest request = EvaluationRequest.ForModel(Path.Combine(Path.GetTempPath(), "no-such-run", "checkpoint.bin"), null) with
        {
            Suite = suite,
            Data = new SuiteData { CocoImages = images, MaxItems = maxItems },
        };

        var error = Assert.Throws<ArgumentException>(() => ModelEvaluation.Run(request, new DataLoadReport()));

        Assert.That(error!.Message, Is.EqualTo(expected));
    }

    [TestCase(EvaluationSuites.All)]
    [TestCase(EvaluationSuites.Aro)]
    public void A_good_request_passes_the_check(string suite) =>
        Assert.DoesNotThrow(() => (EvaluationRequest.ForModel("runs/a", null) with { Suite = suite, Data = new SuiteData { MaxItems = 1 } }).Check());
}
