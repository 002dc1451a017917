using System.Text.RegularExpressions;
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
    public void A_failing_case_fails_the_run_and_its_seed_gives_the_same_case_again()
    {
        ulong failed = 0;
        var error = Assert.Throws<CsCheckException>(() => Gen.ULong.SampleFixed(n =>
        {
            failed = n;
            Assert.That(n % 7, Is.Not.EqualTo(3));
        }, iter: 500));

        Match seed = Regex.Match(error!.Message, "CsCheck_Seed=([0-9A-Za-z_-]+)");
        Assert.That(seed.Success, error.Message);
        ulong replayed = 0;
        Gen.ULong.Sample(n => replayed = n, seed: seed.Groups[1].Value, iter: 1, threads: 1);
        Assert.That(replayed, Is.EqualTo(failed));
    }

    private static List<ulong> Cases(string seed)
    {
        var seen = new List<ulong>();
        Gen.ULong.SampleFixed(seen.Add, iter: 200, seed: seed);
        return seen;
    }
}
