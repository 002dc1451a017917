using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Text;

namespace HardNegRules.Rules.Tests;

public class RulePathsTests
{
    [TestCase("color.yaml", "default")]
    [TestCase("fashion200k/material.yaml", "fashion200k")]
    [TestCase("fashion200k\\material.yaml", "fashion200k")]
    [TestCase("presets/coco.yaml", null)]
    [TestCase("a/b/c.yaml", null)]
    public void Pack_of_a_file(string relative, string? pack) => Assert.That(RulePaths.PackOf(relative), Is.EqualTo(pack));

    [TestCase("/repo/rules/color.yaml", "color.yaml")]
    [TestCase("/repo/my-rules/rules/world/shape.yaml", "world/shape.yaml")]
    [TestCase("rules/color.yaml", "color.yaml")]
    [TestCase("/repo/other/color.yaml", null)]
    public void Path_relative_to_the_rules_folder(string path, string? relative) =>
        Assert.That(RulePaths.RelativeToRulesFolder(path), Is.EqualTo(relative));

    [Test]
    public void Folding_and_word_characters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CaptionChars.Fold("Light\tBLUE"), Is.EqualTo("light blue"));
            Assert.That(CaptionChars.Fold("CAFÉ"), Is.EqualTo("café"));
            Assert.That(CaptionChars.IsWordChar('-'), Is.True, "hyphenated words are one word");
            Assert.That(CaptionChars.IsWordChar('\''), Is.False, "a possessive ends the word: dog's");
            Assert.That(CaptionChars.IsWordChar('é'), Is.True);
            Assert.That(CaptionChars.IsWordChar(','), Is.False);
        });
    }

    [TestCase("box", "boxes")]
    [TestCase("toy", "toys")]
    [TestCase("berry", "berries")]
    [TestCase("hot dog", "hot dogs")]
    public void Regular_plurals(string singular, string plural) => Assert.That(English.RegularPlural(singular), Is.EqualTo(plural));
}
