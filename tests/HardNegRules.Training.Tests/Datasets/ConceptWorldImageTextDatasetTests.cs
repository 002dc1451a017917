using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Rendering;
using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Tests.Datasets;

public class ConceptWorldImageTextDatasetTests
{
    [Test]
    public void Each_caption_is_a_pair_with_its_scene_rendered_at_the_model_size()
    {
        ConceptWorldSplit split = TinyConceptWorld.World.Train;
        var dataset = new ConceptWorldImageTextDataset(split, imageSize: 32);

        Assert.That(dataset.Count, Is.EqualTo(split.Samples.Count).And.GreaterThan(split.Scenes.Count));
        for (int i = 0; i < dataset.Count; i++)
        {
            ImageTextSample sample = dataset.GetSample(i);
            Assert.That(sample.Caption, Is.EqualTo(split.Samples[i].CaptionText));
            Assert.That(sample.Id, Is.EqualTo(split.Samples[i].CaptionId));
            Assert.That(sample.Pixels.ToArray(), Is.EqualTo(SceneRenderer.RenderNormalizedChw(split.Samples[i].Scene, 32)));
        }
    }
}
