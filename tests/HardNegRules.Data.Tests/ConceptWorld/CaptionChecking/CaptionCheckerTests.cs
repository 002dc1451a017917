using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.Tests.ConceptWorld.CaptionChecking;

/// <summary>The checker against hand-written captions, so the caption tests rest on a checker known to be right.</summary>
public class CaptionCheckerTests
{
    // A small red circle top left, a large blue square bottom right.
    private static readonly Scene TwoObjects = new(
        new SceneBackground(BackgroundTone.Sand, 0, 0, 0, 0, 0, 0, 1),
        [
            new SceneObject(ObjectShape.Circle, ObjectColor.Red, ObjectSize.Small, new GridCell(0, 0), 0, 0),
            new SceneObject(ObjectShape.Square, ObjectColor.Blue, ObjectSize.Large, new GridCell(2, 2), 0, 0),
        ]);

    [TestCase("a small red circle")]
    [TestCase("there is a blue square")]
    [TestCase("a red circle and a blue square")]
    [TestCase("a picture of a large square and a small circle")]
    [TestCase("two objects: a blue square and a red circle")]
    [TestCase("a red circle to the left of a blue square")]
    [TestCase("a red circle above a large blue square")]
    [TestCase("a blue square below a red circle")]
    [TestCase("two objects: a large square to the right of a small circle")]
    [TestCase("from left to right: a red circle and a blue square")]
    [TestCase("from top to bottom: a small circle and a large square")]
    [TestCase("a red circle in the top left corner")]
    [TestCase("there is a large blue square at the bottom")]
    [TestCase("a square on the right")]
    public void True_captions_are_true(string caption) =>
        Assert.That(CaptionChecker.IsTrueOf(caption, TwoObjects), Is.True);

    [TestCase("a blue circle and a red square")]
    [TestCase("a large circle and a small square")]
    [TestCase("a red circle to the right of a blue square")]
    [TestCase("a blue square above a red circle")]
    [TestCase("three objects: a red circle and a blue square")]
    [TestCase("one object: a red circle")]
    [TestCase("from left to right: a blue square and a red circle")]
    [TestCase("a red circle on the right")]
    [TestCase("a red circle in the center")]
    [TestCase("a large red circle")]
    [TestCase("a green circle")]
    [TestCase("a red circle and a red circle")]
    public void False_captions_are_false(string caption) =>
        Assert.That(CaptionChecker.IsTrueOf(caption, TwoObjects), Is.False);

    [TestCase("an red circle")]
    [TestCase("a orange circle")]
    [TestCase("a red")]
    [TestCase("a red circle and")]
    [TestCase("two object: a red circle and a blue square")]
    [TestCase("a red circle near a blue square")]
    public void Captions_outside_the_language_do_not_parse(string caption)
    {
        Assert.That(CaptionParser.TryParse(caption, out _), Is.False);
        Assert.Throws<FormatException>(() => CaptionChecker.IsTrueOf(caption, TwoObjects));
    }

    [Test]
    public void An_agrees_with_a_vowel() =>
        Assert.That(CaptionChecker.IsTrueOf("an orange star", new Scene(
            TwoObjects.Background,
            [new SceneObject(ObjectShape.Star, ObjectColor.Orange, ObjectSize.Large, new GridCell(1, 1), 0, 0)])), Is.True);
}
