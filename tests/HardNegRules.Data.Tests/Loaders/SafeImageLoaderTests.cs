using HardNegRules.Data.Loaders;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.Tests.Loaders;

public class SafeImageLoaderTests : LoaderTestFiles
{
    private static string RealJpeg => Path.Combine(CocoImages, "000000011813.jpg");

    [Test]
    public void A_real_jpeg_decodes_to_its_size()
    {
        ImageLoadResult result = new SafeImageLoader().Load(ImageReference.FromFile(RealJpeg));
        using Image<Rgb24>? image = result.Image;
        Assert.That(result.Error, Is.Null);
        Assert.That((image!.Width, image.Height), Is.EqualTo((333, 500)));
    }

    [Test]
    public void Bytes_in_memory_decode_like_the_file()
    {
        using Image<Rgb24>? image = new SafeImageLoader().Load(ImageReference.FromBytes(File.ReadAllBytes(RealJpeg), "x.jpg")).Image;
        Assert.That(image!.Width, Is.EqualTo(333));
    }

    [Test]
    public void A_truncated_jpeg_is_refused_with_a_reason()
    {
        byte[] bytes = File.ReadAllBytes(RealJpeg);
        string truncated = Path.Combine(Dir, "truncated.jpg");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var report = new DataLoadReport();
        Image<Rgb24>? image = new SafeImageLoader().Load(ImageReference.FromFile(truncated), report, "captions.json", record: 4);

        Assert.That(image, Is.Null);
        Assert.That(report.ErrorCount, Is.EqualTo(1));
        Assert.That(report.Errors[0].ToString(), Does.StartWith("captions.json[record 4]: image ").And.Contain("truncated JPEG"));
    }

    [Test]
    public void A_truncated_png_is_refused()
    {
        using var image = new Image<Rgb24>(20, 10);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        byte[] png = stream.ToArray();
        Assert.That(new SafeImageLoader().Load(ImageReference.FromBytes(png)).Succeeded, Is.True);
        Assert.That(new SafeImageLoader().Load(ImageReference.FromBytes(png[..^10])).Error, Does.Contain("truncated PNG").Or.Contain("corrupt"));
    }

    [Test]
    public void Garbage_empty_and_missing_files_are_refused_not_thrown()
    {
        string garbage = Path.Combine(Dir, "garbage.jpg");
        File.WriteAllBytes(garbage, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        string empty = Touch("empty.png");
        var loader = new SafeImageLoader();
        Assert.Multiple(() =>
        {
            Assert.That(loader.Load(ImageReference.FromFile(garbage)).Error, Is.EqualTo("not an image in a known format"));
            Assert.That(loader.Load(ImageReference.FromFile(empty)).Error, Is.Not.Null);
            Assert.That(loader.Load(ImageReference.FromFile(Path.Combine(Dir, "none.jpg"))).Error, Is.EqualTo("file not found"));
        });
    }

    [Test]
    public void Images_over_the_pixel_limit_are_refused_from_their_header()
    {
        var loader = new SafeImageLoader(new ImageLoadOptions { MaxPixels = 100_000 });
        ImageLoadResult result = loader.Load(ImageReference.FromFile(RealJpeg));
        Assert.That(result.Error, Is.EqualTo("333x500 is over the limit of 100,000 pixels"));
    }

    [Test]
    public void Files_over_the_byte_limit_are_not_read()
    {
        var loader = new SafeImageLoader(new ImageLoadOptions { MaxFileBytes = 1000 });
        Assert.That(loader.Load(ImageReference.FromFile(RealJpeg)).Error, Does.Contain("over the limit of 1,000"));
    }
}
