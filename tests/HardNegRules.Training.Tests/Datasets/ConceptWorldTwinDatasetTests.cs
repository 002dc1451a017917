using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Training;
using HardNegRules.Training.Tests.Support;

namespace HardNegRules.Training.Tests.Datasets;

public class ConceptWorldTwinDatasetTests
{
    private static readonly Lazy<ConceptWorldDataset> World = new(() => TinyConceptWorld.TwoObjects(seed: 4, trainScenes: 60));

    [Test]
    public void A_partner_is_the_binding_twin_its_caption_true_of_the_twin_and_false_of_the_original()
    {
        var dataset = new ConceptWorldTwinDataset(World.Value.Train, 16);
        int twins = 0;
        for (int i = 0; i < dataset.Count; i++)
        {
            ConceptWorldSample sample = World.Value.Train.Samples[i];
            ImageTextSample partner = dataset.Partner(i);
            Assert.That(partner.Id, Is.Not.EqualTo(dataset.GetSample(i).Id));
            if (sample.BindingNegatives().Count == 0)
            {
                continue;
            }
            twins++;
            Assert.That(partner.Caption, Is.Not.EqualTo(sample.CaptionText));
            Assert.That(CaptionChecker.IsTrueOf(partner.Caption, sample.Scene), Is.False, partner.Caption);
            if (!sample.Caption.IsPositional)
            {
                // A position swap re-renders the relation ("above" for "below"); the other swaps keep the words.
                Assert.That(partner.Caption.Split(' ').Order(), Is.EqualTo(sample.CaptionText.Split(' ').Order()), "a swap keeps the bag of words");
            }
            Assert.That(partner.Pixels.ToArray(), Is.Not.EqualTo(dataset.GetSample(i).Pixels.ToArray()));
            Assert.That(dataset.Partner(i).Caption, Is.EqualTo(partner.Caption), "the partner is a function of the index");
        }
        Assert.That(twins, Is.GreaterThan(dataset.Count / 2));
    }

    [Test]
    public void A_batch_of_a_paired_data_set_holds_samples_then_their_partners()
    {
        var dataset = new ConceptWorldTwinDataset(World.Value.Train, 16);
        var order = new DataOrder(seed: 1, dataset.Count, batchSize: 8);
        var builder = new BatchBuilder(dataset, order, text => [.. text.Select(c => (long)c).Take(20)], negatives: null,
            negativesPerCaption: 0, imageSize: 16, contextLength: 24);

        PreparedBatch batch = builder.Build(step: 0);

        int[] indices = order.BatchOf(0).ToArray();
        int pixels = 3 * 16 * 16;
        for (int i = 0; i < 4; i++)
        {
            Assert.That(batch.Pixels.AsSpan(i * pixels, pixels).ToArray(), Is.EqualTo(dataset.GetSample(indices[i]).Pixels.ToArray()));
            Assert.That(batch.Pixels.AsSpan((4 + i) * pixels, pixels).ToArray(), Is.EqualTo(dataset.Partner(indices[i]).Pixels.ToArray()));
        }
    }
}
