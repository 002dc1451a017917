using HardNegRules.Training.Loss;
using HardNegRules.Training.Presets;

namespace HardNegRules.Training.Tests.Presets;

public class PresetEditsTests
{
    [Test]
    public void Typed_values_and_overrides_change_the_preset_and_overrides_win()
    {
        Preset preset = PresetCatalog.Load(PresetCatalog.DefaultName);
        var edits = new PresetEdits { Steps = 12, K = 0, Mode = HardNegativeMode.Replace, Seed = 5, Overrides = ["schedule.steps=30"] };

        Preset edited = edits.ApplyTo(preset);

        Assert.That((edited.Schedule.Steps, edited.Rules.K, edited.Rules.Mode, edited.Schedule.Seed), Is.EqualTo((30, 0, HardNegativeMode.Replace, 5)));
        Assert.That(edits.ToOverrides(), Is.EqualTo(new[] { "schedule.steps=12", "rules.k=0", "rules.mode=replace", "schedule.seed=5", "schedule.steps=30" }));
    }

    [TestCase(0, null, null, "--steps must be at least 1; got 0.")]
    [TestCase(null, -1, null, "--k must be 0 or more; got -1.")]
    [TestCase(null, null, "schedule.steps", "--set takes section.key=value (e.g. schedule.steps=200); got 'schedule.steps'.")]
    public void A_change_no_preset_can_take_is_named_and_refused(int? steps, int? k, string? set, string expected)
    {
        var edits = new PresetEdits { Steps = steps, K = k, Overrides = set is null ? [] : [set] };

        Assert.That(edits.Problem(), Is.EqualTo(expected));
        var error = Assert.Throws<PresetException>(() => edits.ApplyTo(PresetCatalog.Load(PresetCatalog.DefaultName)));
        Assert.That(error!.Problem, Is.EqualTo(expected));
    }

    [Test]
    public void No_change_has_no_problem()
    {
        Assert.That(PresetEdits.None.Problem(), Is.Null);
        Assert.That(new PresetEdits { Steps = 1, K = 0, Overrides = ["rules.k=2"] }.Problem(), Is.Null);
    }
}
