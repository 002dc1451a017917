using HardNegRules.Rules.Text;

namespace HardNegRules.Rules.Tests;

public class NearestNameTests
{
    [TestCase("colour", "color", 1)]
    [TestCase("plrual", "plural", 1)]
    [TestCase("Seed", "seed", 0)]
    [TestCase("", "abc", 3)]
    [TestCase("kitten", "sitting", 3)]
    public void Distance_counts_edits_with_a_swap_of_neighbours_as_one(string a, string b, int expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(NearestName.Distance(a, b), Is.EqualTo(expected));
            Assert.That(NearestName.Distance(b, a), Is.EqualTo(expected));
        });
    }

    [Test]
    public void Find_gives_the_nearest_name_within_reach_and_the_first_of_equals()
    {
        string[] known = ["terms", "plural", "variants", "synonyms"];
        Assert.Multiple(() =>
        {
            Assert.That(NearestName.Find("plurals", known, 2), Is.EqualTo("plural"));
            Assert.That(NearestName.Find("varients", known, 2), Is.EqualTo("variants"));
            Assert.That(NearestName.Find("colours", known, 2), Is.Null);
            Assert.That(NearestName.Find("term", ["terms", "tern"], 2), Is.EqualTo("terms"));
        });
    }
}
