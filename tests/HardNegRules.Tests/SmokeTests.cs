namespace HardNegRules.Tests;

public class SmokeTests
{
    [Test]
    public void Red_car_gets_color_negatives()
    {
        IReadOnlyList<HardNegative> negatives = Permuters.Default.Permute("A red car and an orange juice.", 5, new NegativeSeed(1));
        foreach (HardNegative n in negatives)
        {
            TestContext.Out.WriteLine($"{n.Text} | {n.Rule} {n.Start} {n.Length} {n.From}->{n.To} {n.Kind}");
        }

        Assert.That(negatives, Is.Not.Empty);
    }
}
