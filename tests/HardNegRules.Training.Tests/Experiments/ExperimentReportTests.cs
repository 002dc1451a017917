using HardNegRules.Training.Experiments;

namespace HardNegRules.Training.Tests.Experiments;

public class ExperimentReportTests
{
    [Test]
    public void Mean_and_sample_sd_over_seeds()
    {
        Assert.That(ExperimentDifference.MeanSd([10, 14, 18]), Is.EqualTo(((double?)14.0, (double?)4.0)));
        Assert.That(ExperimentDifference.MeanSd([5]), Is.EqualTo(((double?)5.0, (double?)null)));
        Assert.That(ExperimentDifference.MeanSd([]), Is.EqualTo(((double?)null, (double?)null)));
    }

    [Test]
    public void Arms_and_seeds_parse_from_comma_lists_with_plain_first()
    {
        Assert.That(ExperimentArms.Parse("twins, plain"), Is.EqualTo(new[] { ExperimentArm.Plain, ExperimentArm.Twins }));
        Assert.That(ExperimentSeeds.Parse("42,7,123"), Is.EqualTo(new[] { 42, 7, 123 }));
        Assert.Throws<ArgumentException>(() => ExperimentArms.Parse("plain,plain"));
        Assert.Throws<ArgumentException>(() => ExperimentSeeds.Parse(""));
        Assert.Throws<ArgumentException>(() => ExperimentSeeds.Parse("1,1"));
    }

    [Test]
    public void The_headline_is_binding_image_pairs_mean_of_color_and_shape()
    {
        Assert.That(ExperimentMetric.Headline.Key, Is.EqualTo("image_pair_binding color+shape"));
        Assert.That(ExperimentMetric.All.Select(m => m.Key), Does.Contain("text_ranking_binding color+shape").And.Contain("retrieval t2i_r5"));
        Assert.That(ExperimentMetric.All.Select(m => m.Key), Is.Unique);
    }
}
