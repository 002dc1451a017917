namespace HardNegRules.Quality.Tests;

public class ArticleSoundTests
{
    [TestCase("apple", true)]
    [TestCase("orange", true)]
    [TestCase("banana", false)]
    [TestCase("umbrella", true)]
    [TestCase("unicorn", false)]
    [TestCase("one-way", false)]
    [TestCase("European", false)]
    [TestCase("hour", true)]
    [TestCase("honest", true)]
    [TestCase("horse", false)]
    [TestCase("x-ray", true)]
    public void Takes_an_by_first_sound(string word, bool an) => Assert.That(ArticleSound.TakesAn(word), Is.EqualTo(an));
}
