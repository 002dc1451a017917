using HardNegRules.Training.Merging;
using HardNegRules.Training.Model;
using HardNegRules.Training.Tests.Support;

namespace HardNegRules.Training.Tests.Merging;

public class AlphaSweepTests : TorchTestBase
{
    private static float First(ClipModel model, string key) =>
        model.state_dict()[key].detach().cpu().flatten().data<float>()[0];

    [Test]
    public void The_sweep_evaluates_each_default_alpha_in_order_on_the_interpolated_weights()
    {
        using var a = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using var b = new ClipModel(ColorWorld.TinyModel, seed: 2);
        string key = a.state_dict().Keys.First(k => k.EndsWith("weight", StringComparison.Ordinal));
        float start = First(a, key);
        float end = First(b, key);
        Assume.That(start, Is.Not.EqualTo(end));

        IReadOnlyList<AlphaPoint<float>> series = AlphaSweep.Run(a, b, model => First(model, key));

        Assert.That(series.Select(p => p.Alpha), Is.EqualTo(new[] { 0.0, 0.25, 0.5, 0.75, 1.0 }));
        Assert.Multiple(() =>
        {
            foreach (AlphaPoint<float> point in series)
            {
                float expected = (float)(((1 - point.Alpha) * start) + (point.Alpha * end));
                Assert.That(point.Metrics, Is.EqualTo(expected).Within(1e-6f), $"alpha {point.Alpha}");
            }
            Assert.That(First(a, key), Is.EqualTo(start), "the first model was changed");
            Assert.That(First(b, key), Is.EqualTo(end), "the second model was changed");
        });
    }

    [Test]
    public void An_alpha_out_of_range_is_refused_before_anything_is_evaluated()
    {
        using var a = new ClipModel(ColorWorld.TinyModel, seed: 1);
        int evaluated = 0;

        Assert.Throws<ArgumentOutOfRangeException>(() => AlphaSweep.Run(a, a, _ => ++evaluated, [0.0, 2.0]));

        Assert.That(evaluated, Is.Zero);
    }
}
