using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Tests.Datasets;

public class RealImageTextDatasetTests
{
    [Test]
    public void Samples_are_decoded_at_the_model_size_and_a_broken_image_is_reported_once_and_replaced()
    {
        using var dir = new TempDirectory();
        RealDataFiles.WritePng(dir.File("a.png"), 20, 12, 1);
        File.WriteAllBytes(dir.File("b.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        RealDataFiles.WritePng(dir.File("c.png"), 9, 30, 3);
        ImageCaptionPair[] pairs =
        [
            new("1", "a red kite", ImageReference.FromFile(dir.File("a.png"))),
            new("2", "a broken image", ImageReference.FromFile(dir.File("b.png"))),
            new("3", "a blue kite", ImageReference.FromFile(dir.File("c.png"))),
        ];
        var report = new DataLoadReport();
        var dataset = new RealImageTextDataset(pairs, new PhotoDecoder(16, report));

        ImageTextSample first = dataset.GetSample(0);
        ImageTextSample second = dataset.GetSample(1);
        ImageTextSample again = dataset.GetSample(1);

        Assert.That(first.Pixels.Length, Is.EqualTo(3 * 16 * 16));
        Assert.That((first.Id, first.Caption), Is.EqualTo(("1", "a red kite")));
        Assert.That((second.Id, second.Caption), Is.EqualTo(("3", "a blue kite")), "the next readable pair stands in");
        Assert.That(again.Pixels.ToArray(), Is.EqualTo(second.Pixels.ToArray()));
        Assert.That(report.ErrorCount, Is.EqualTo(1), "reported once");
        Assert.That(report.Errors[0].ToString(), Does.Contain("b.png").And.Contain("image of pair 2"));
        Assert.That(dataset.UnreadableCount, Is.EqualTo(1));
    }

    [Test]
    public void A_data_set_without_a_readable_image_says_so()
    {
        using var dir = new TempDirectory();
        var dataset = new RealImageTextDataset(
            [new ImageCaptionPair("1", "a dog", ImageReference.FromFile(dir.File("missing.png")))], new PhotoDecoder(16, new DataLoadReport()));

        var error = Assert.Throws<InvalidOperationException>(() => dataset.GetSample(0));

        Assert.That(error!.Message, Does.Contain("None of the 1 images"));
    }
}
