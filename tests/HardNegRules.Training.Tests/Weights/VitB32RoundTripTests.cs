using System.Diagnostics;
using HardNegRules.Training.Weights;

namespace HardNegRules.Training.Tests.Weights;

/// <summary>Full-size check, run by hand (about 20 s, 2 GB): ViT-B/32's 605 MB file saves and loads back exactly, and
/// loading adds at most one tensor's worth of memory on top of the two models.</summary>
[Explicit("Full ViT-B/32 size: slow and memory-hungry; run by name.")]
public sealed class VitB32RoundTripTests : TorchTestBase
{
    [Test]
    public void ViT_B_32_round_trips_through_a_full_size_file()
    {
        using var scratch = new TempDirectory();
        string path = scratch.File("model.safetensors");
        using var source = new ClipModel(ClipModelOptions.VitB32, seed: 1);
        using var target = new ClipModel(ClipModelOptions.VitB32, seed: 2);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long before = process.WorkingSet64;

        var clock = Stopwatch.StartNew();
        ClipWeights.SaveHuggingFace(source, path);
        TimeSpan save = clock.Elapsed;
        ClipWeights.LoadHuggingFace(target, path);
        TimeSpan load = clock.Elapsed - save;
        process.Refresh();
        long peakGrowth = process.PeakWorkingSet64 - before;

        TestContext.Out.WriteLine($"file {new FileInfo(path).Length / 1e6:F0} MB, save {save.TotalSeconds:F1} s, "
            + $"load {load.TotalSeconds:F1} s, peak working set +{peakGrowth / 1e6:F0} MB over the two models");
        var expected = source.state_dict();
        Assert.Multiple(() =>
        {
            foreach ((string name, TorchSharp.torch.Tensor value) in target.state_dict())
            {
                Assert.That(value.equal(expected[name]).all().item<bool>(), Is.True, name);
            }
        });
    }
}
