namespace HardNegRules.Tests;

/// <summary>The C# example on the README's front page, run as written, so that the page stays true.</summary>
public class ReadmeExampleTests
{
    [Test]
    public void The_front_page_example_makes_color_negatives_that_keep_everything_else()
    {
        // --- as on the README ---
        IPermuter permuter = Permuters.Default;                       // compiled from rules/*.yaml at build time
        var seed = NegativeSeed.For(seed: 7, captionId: "17", epoch: 0); // the same seed gives the same negatives
        int color = permuter.Concepts.ToList().IndexOf("color");
        IReadOnlyList<HardNegative> negatives =
            permuter.Permute("A red car on the left.", k: 3, seed, conceptMask: 1UL << color);
        // --- end ---

        Assert.That(negatives, Is.Not.Empty);
        Assert.That(negatives, Has.All.Matches<HardNegative>(n =>
            n.Concept == "color" && n.From == "red" && n.To != "red" &&
            n.Text.EndsWith(" " + n.To + " car on the left.", StringComparison.Ordinal)));
    }
}
