using HardNegRules.Training.Training;

namespace HardNegRules.Training.Tests.Training;

public class ParameterGroupsTests : TorchTestBase
{
    [Test]
    public void Norms_biases_positional_embeddings_and_logit_scale_get_no_weight_decay()
    {
        var options = ColorWorld.TinyModel with
        {
            Vision = new VitTowerOptions(ImageSize: 16, PatchSize: 8, Width: 16, Layers: 1, Heads: 2),
        };
        using var model = new ClipModel(options);
        var names = model.named_parameters().ToDictionary(p => p.parameter.Handle, p => p.name);

        var (decay, noDecay) = ParameterGroups.Split(model);
        var decayNames = decay.Select(p => names[p.Handle]).ToList();
        var noDecayNames = noDecay.Select(p => names[p.Handle]).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(noDecayNames, Does.Contain("logit_scale"));
            Assert.That(noDecayNames, Does.Contain("text.positional_embedding"));
            Assert.That(noDecayNames, Does.Contain("visual.positional_embedding"));
            Assert.That(noDecayNames, Does.Contain("visual.class_embedding"));
            Assert.That(noDecayNames, Does.Contain("text.ln_final.weight"));
            Assert.That(noDecayNames, Does.Contain("text.transformer.resblocks.0.attn.in_proj.bias"));
            Assert.That(decayNames, Does.Contain("text.transformer.resblocks.0.attn.in_proj.weight"));
            Assert.That(decayNames, Does.Contain("text.token_embedding.weight"));
            Assert.That(decayNames, Does.Contain("visual.conv1.weight"));
            Assert.That(decay.Count + noDecay.Count, Is.EqualTo(model.parameters().Count()));
        });
    }
}
