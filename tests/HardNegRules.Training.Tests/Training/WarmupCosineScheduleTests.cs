using HardNegRules.Training.Training;

namespace HardNegRules.Training.Tests.Training;

public class WarmupCosineScheduleTests
{
    [Test]
    public void Warms_up_linearly_then_decays_along_a_cosine()
    {
        var schedule = new WarmupCosineSchedule(peak: 1.0, warmupSteps: 4, totalSteps: 14, finalFraction: 0.1);

        Assert.Multiple(() =>
        {
            Assert.That(schedule.At(0), Is.EqualTo(0.25).Within(1e-12));
            Assert.That(schedule.At(1), Is.EqualTo(0.50).Within(1e-12));
            Assert.That(schedule.At(3), Is.EqualTo(1.00).Within(1e-12));
            Assert.That(schedule.At(4), Is.EqualTo(1.00).Within(1e-12));                           // cos(0)
            Assert.That(schedule.At(9), Is.EqualTo(0.1 + 0.9 * 0.5).Within(1e-12));               // half way
            Assert.That(schedule.At(14), Is.EqualTo(0.1).Within(1e-12));                           // the end
            Assert.That(schedule.At(12), Is.LessThan(schedule.At(11)));
        });
    }

    [Test]
    public void No_warmup_starts_at_the_peak()
    {
        var schedule = new WarmupCosineSchedule(peak: 3e-4, warmupSteps: 0, totalSteps: 10);

        Assert.That(schedule.At(0), Is.EqualTo(3e-4).Within(1e-15));
    }
}
