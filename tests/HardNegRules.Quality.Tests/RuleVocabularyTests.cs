namespace HardNegRules.Quality.Tests;

public class RuleVocabularyTests
{
    [Test]
    public void Reads_terms_forms_and_groups_from_yaml()
    {
        RuleVocabulary vocabulary = QualityTestRules.Vocabulary;
        VocabularyConcept color = vocabulary.Concept("color")!;
        VocabularyConcept objects = vocabulary.Concept("object")!;
        VocabularyConcept size = vocabulary.Concept("size")!;
        Assert.Multiple(() =>
        {
            Assert.That(color.Find("Grey")?.Name, Is.EqualTo("gray"));
            Assert.That(objects.Find("benches")?.Name, Is.EqualTo("bench"));
            Assert.That(objects.Find("buses")?.Name, Is.EqualTo("bus"), "regular plural after a sibilant");
            Assert.That(objects.Find("dog")?.Category, Is.EqualTo("animal"));
            Assert.That(objects.AreSynonyms("couch", "sofa"), Is.True);
            Assert.That(objects.AreNeverSwapped("dog", "puppy"), Is.True);
            Assert.That(size.AreOpposites("big", "small"), Is.True);
            Assert.That(size.AreOpposites("big", "short"), Is.False);
            Assert.That(color.Blocked.Select(p => string.Join(' ', p)), Does.Contain("orange juice"));
            Assert.That(vocabulary.IsTermWord("smaller"), Is.True);
            Assert.That(vocabulary.IsTermWord("colomauve"), Is.False);
        });
    }

    [TestCase("dog", "dogs")]
    [TestCase("bus", "buses")]
    [TestCase("sandwich", "sandwiches")]
    [TestCase("lady", "ladies")]
    [TestCase("guy", "guys")]
    [TestCase("fire hydrant", "fire hydrants")]
    public void Makes_regular_plurals(string noun, string plural) =>
        Assert.That(VocabularyFileReader.RegularPlural(noun), Is.EqualTo(plural));
}
