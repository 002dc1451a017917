using CsCheck;

namespace HardNegRules.Rules.Tests;

/// <summary>The property-test runner every test project uses checks the same cases on every run.</summary>
public class FixedSeedSamplingTests
{
    [Test]
    public void Every_case_repeats_from_run_to_run_and_the_cases_differ()
    {
        List<ulong> first = Cases("0000000001Ai");
        List<ulong> second = Cases("0000000001Ai");

        Assert.That(second, Is.EqualTo(first), "the same seed gives the same cases, not only the same first case");
        Assert.That(first.Distinct().Count(), Is.GreaterThan(190), "the cases are drawn, not one case repeated");
        Assert.That(Cases("0000000002Bj"), Is.Not.EqualTo(first), "another seed gives other cases");
    }

    [Test]
    public void A_failing_case_fails_the_run_and_names_its_seed()
    {
        var error = Assert.Throws<CsCheckException>(() => Gen.ULong.SampleFixed(n => Assert.That(n % 7, Is.Not.EqualTo(3)), iter: 500));

        Assert.That(error!.Message, Does.Contain("CsCheck_Seed="));
    }

    private static List<ulong> Cases(string seed)
    {
        var seen = new List<ulong>();
        Gen.ULong.SampleFixed(seen.Add, iter: 200, seed: seed);
        return seen;
    }
}
