namespace HardNegRules.Quality;

/// <summary>An "a" or "an" right before a replacement must fit the replacement's first sound (<see cref="ArticleSound"/>).</summary>
internal sealed class ArticleCheck : INegativeCheck
{
    public DefectKind Kind => DefectKind.ArticleDisagreement;

    public IEnumerable<string> Find(NegativeUnderCheck negative)
    {
        foreach ((int first, _) in negative.Alignment.ReplacedWords)
        {
            if (first < 1)
            {
                continue;
            }

            CaptionWord article = negative.NegativeWords[first - 1];
            CaptionWord word = negative.NegativeWords[first];
            bool isAn = article.Folded == "an";
            if ((isAn || article.Folded == "a") && OnlySpaceBetween(negative.Negative.Text, article, word) && isAn != ArticleSound.TakesAn(word.Text))
            {
                yield return $"'{article.Text} {word.Text}'";
            }
        }
    }

    private static bool OnlySpaceBetween(string text, CaptionWord left, CaptionWord right) =>
        text.AsSpan(left.End, right.Start - left.End).IsWhiteSpace();
}
