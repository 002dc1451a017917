using HardNegRules.Training.Benchmarks;

namespace HardNegRules.Training.Tests.Benchmarks;

public class MemoryProfileTests
{
    private const long Mebibyte = 1024 * 1024;

    [Test]
    public void Reads_start_warmup_end_max_and_the_slope_after_the_warmup()
    {
        // Warm-up fills caches (100 -> 300 MiB), then 2 MiB more every 10 steps: a leak of 0.2 MiB per step.
        var profile = new MemoryProfile(50 * Mebibyte,
        [
            new MemorySample(0, 100 * Mebibyte),
            new MemorySample(5, 300 * Mebibyte),
            new MemorySample(10, 302 * Mebibyte),
            new MemorySample(15, 304 * Mebibyte),
            new MemorySample(20, 306 * Mebibyte),
        ], WarmupSteps: 5, SampleEvery: 5);

        Assert.Multiple(() =>
        {
            Assert.That(profile.StartBytes, Is.EqualTo(100 * Mebibyte));
            Assert.That(profile.AfterWarmupBytes, Is.EqualTo(300 * Mebibyte));
            Assert.That(profile.EndBytes, Is.EqualTo(306 * Mebibyte));
            Assert.That(profile.MaxBytes, Is.EqualTo(306 * Mebibyte));
            Assert.That(profile.SlopeBytesPerStep, Is.EqualTo(0.4 * Mebibyte).Within(1e-6));
            Assert.That(RssReport.From(profile).SlopeMbPer1000Steps, Is.EqualTo(400).Within(1e-9));
        });
    }

    [Test]
    public void Flat_memory_after_the_warmup_has_no_slope()
    {
        var profile = new MemoryProfile(0,
            [new MemorySample(0, 10), new MemorySample(3, 900), new MemorySample(6, 900), new MemorySample(9, 900)],
            WarmupSteps: 3, SampleEvery: 3);

        Assert.That(profile.SlopeBytesPerStep, Is.Zero);
    }

    [Test]
    public void Resident_memory_grows_when_pages_are_touched()
    {
        long before = ProcessMemory.ResidentBytes();
        byte[] block = new byte[64 * Mebibyte];
        for (int i = 0; i < block.Length; i += 4096)
        {
            block[i] = 1;
        }

        long after = ProcessMemory.ResidentBytes();
        GC.KeepAlive(block);

        Assert.That(before, Is.GreaterThan(0));
        Assert.That(after - before, Is.GreaterThan(32 * Mebibyte));
    }
}
