using HardNegRules.Training.Training;

namespace HardNegRules.Training.Tests.Training;

public class DataOrderTests
{
    [Test]
    public void Each_epoch_visits_every_sample_once_in_a_seeded_order()
    {
        var order = new DataOrder(seed: 3, count: 12, batchSize: 4);
        var again = new DataOrder(seed: 3, count: 12, batchSize: 4);

        int[] epoch0 = Enumerable.Range(0, 3).SelectMany(s => order.BatchOf(s).ToArray()).ToArray();
        int[] epoch1 = Enumerable.Range(3, 3).SelectMany(s => order.BatchOf(s).ToArray()).ToArray();
        int[] epoch1Again = Enumerable.Range(3, 3).SelectMany(s => again.BatchOf(s).ToArray()).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(epoch0, Is.EquivalentTo(Enumerable.Range(0, 12)));
            Assert.That(epoch1, Is.EquivalentTo(Enumerable.Range(0, 12)));
            Assert.That(epoch1, Is.Not.EqualTo(epoch0), "each epoch is reshuffled");
            Assert.That(epoch1Again, Is.EqualTo(epoch1), "the order is a function of seed and step");
            Assert.That(order.EpochOf(5), Is.EqualTo(1));
            Assert.That(order.BatchInEpochOf(5), Is.EqualTo(2));
        });
    }

    [Test]
    public void The_last_partial_batch_is_dropped_and_a_small_data_set_is_one_batch()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new DataOrder(1, count: 10, batchSize: 4).StepsPerEpoch, Is.EqualTo(2));
            Assert.That(new DataOrder(1, count: 3, batchSize: 8).BatchSize, Is.EqualTo(3));
        });
    }
}
