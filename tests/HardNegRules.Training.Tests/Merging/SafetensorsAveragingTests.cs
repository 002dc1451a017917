using HardNegRules.Training.Merging;
using HardNegRules.Training.Weights;

namespace HardNegRules.Training.Tests.Merging;

public class SafetensorsAveragingTests
{
    private static void Write(string path, params (string Name, long[] Shape, float[] Data)[] tensors)
    {
        using FileStream stream = File.Create(path);
        SafetensorsWriter.Write(stream, [.. tensors.Select(t => SafetensorsTensorSource.FromArray(t.Name, t.Shape, t.Data))]);
    }

    [TestCase(0.0, new[] { 1f, 2f, 3f, 4f })]
    [TestCase(1.0, new[] { 3f, 6f, -1f, 0.5f })]
    [TestCase(0.5, new[] { 2f, 4f, 1f, 2.25f })]
    public void Each_tensor_is_the_weighted_average(double alpha, float[] expected)
    {
        using var dir = new TempDirectory();
        Write(dir.File("a.safetensors"), ("w", [2, 2], [1, 2, 3, 4]), ("b", [1], [7]));
        Write(dir.File("b.safetensors"), ("w", [2, 2], [3, 6, -1, 0.5f]), ("b", [1], [9]));

        IReadOnlyList<string> skipped = SafetensorsAveraging.Merge(dir.File("a.safetensors"), dir.File("b.safetensors"), alpha, dir.File("m.safetensors"));

        using SafetensorsReader merged = SafetensorsReader.Open(dir.File("m.safetensors"));
        Assert.Multiple(() =>
        {
            Assert.That(skipped, Is.Empty);
            Assert.That(merged.ReadFloat32("w"), Is.EqualTo(expected));
            Assert.That(merged.Tensors["w"].Shape, Is.EqualTo(new long[] { 2, 2 }));
            Assert.That(merged.ReadFloat32("b")[0], Is.EqualTo((float)(7 + (2 * alpha))));
        });
    }

    [Test]
    public void A_shape_mismatch_is_refused_naming_the_tensor()
    {
        using var dir = new TempDirectory();
        Write(dir.File("a.safetensors"), ("proj", [2, 2], [1, 2, 3, 4]));
        Write(dir.File("b.safetensors"), ("proj", [4], [1, 2, 3, 4]));

        var error = Assert.Throws<WeightMismatchException>(() =>
            SafetensorsAveraging.Merge(dir.File("a.safetensors"), dir.File("b.safetensors"), 0.5, dir.File("m.safetensors")))!;

        Assert.That(error.Message, Does.Contain("'proj'").And.Contain("[2, 2]").And.Contain("[4]"));
        Assert.That(File.Exists(dir.File("m.safetensors")), Is.False);
    }

    [Test]
    public void A_tensor_missing_on_one_side_is_refused_naming_it()
    {
        using var dir = new TempDirectory();
        Write(dir.File("a.safetensors"), ("w", [1], [1]), ("extra", [1], [1]));
        Write(dir.File("b.safetensors"), ("w", [1], [2]));

        var error = Assert.Throws<WeightMismatchException>(() =>
            SafetensorsAveraging.Merge(dir.File("a.safetensors"), dir.File("b.safetensors"), 0.5, dir.File("m.safetensors")))!;

        Assert.That(error.TensorName, Is.EqualTo("extra"));
    }
}
