namespace HardNegRules.Quality;

/// <summary>
/// Every word of a negative must come from its caption or be a word the rules can write: a word from neither is text
/// broken by a bad splice or a typo in a rule ("colomauve").
/// </summary>
internal sealed class BrokenWordCheck : INegativeCheck
{
    public DefectKind Kind => DefectKind.BrokenWord;

    public IEnumerable<string> Find(NegativeUnderCheck negative)
    {
        var captionWords = new HashSet<string>(negative.CaptionWords.Select(w => w.Folded), StringComparer.Ordinal) { "a", "an" };
        foreach (CaptionWord word in negative.NegativeWords)
        {
            if (!captionWords.Contains(word.Folded) && !negative.Vocabulary.IsTermWord(word.Folded))
            {
                yield return $"'{word.Text}' is neither a word of the caption nor of a term";
            }
        }
    }
}
