using HardNegRules.Training.Merging;

namespace HardNegRules.Training.Tests.Merging;

/// <summary>A merge asked for is checked before any file is read, in the options' terms.</summary>
public class ModelMergeTests
{
    [TestCase("", "b.safetensors", "out", 0.5, "Give both --from PATH and --to PATH.")]
    [TestCase("a.safetensors", "", "out", 0.5, "Give both --from PATH and --to PATH.")]
    [TestCase("a.safetensors", "b.safetensors", "", 0.5, "Give --out PATH for the merged model.")]
    [TestCase("a.safetensors", "b.safetensors", "out", 1.5, "--alpha must be a number from 0 (--from) to 1 (--to); got 1.5.")]
    [TestCase("a.safetensors", "b.safetensors", "out", double.NaN, "--alpha must be a number from 0 (--from) to 1 (--to); got NaN.")]
    [TestCase("runs/a", "b.safetensors", "out", 0.5, "--from and --to must be of one kind: two checkpoints or two .safetensors files.")]
    public void A_bad_request_is_refused_before_any_file_is_read(string from, string to, string output, double alpha, string expected)
    {
        using var dir = new TempDirectory();
        var options = new CheckpointMergeOptions
        {
            From = from.Length > 0 ? dir.File(from) : from,
            To = to.Length > 0 ? dir.File(to) : to,
            Alpha = alpha,
            OutDirectory = output.Length > 0 ? dir.File(output) : output,
        };

        var error = Assert.Throws<ArgumentException>(() => ModelMerge.Merge(options));

        Assert.That(error!.Message, Is.EqualTo(expected));
        Assert.That(Directory.EnumerateFileSystemEntries(dir.Path), Is.Empty);
    }
}
