namespace HardNegRules.Quality;

/// <summary>A changed term must not lie inside an occurrence of a blocked phrase of its concept ("orange juice", "black and white").</summary>
internal sealed class BlockedPhraseCheck : ConceptCheck
{
    public override DefectKind Kind => DefectKind.BlockedPhrase;

    protected override IEnumerable<string> Find(NegativeUnderCheck negative, VocabularyConcept concept)
    {
        IReadOnlyList<CaptionWord> words = negative.CaptionWords;
        foreach (string[] phrase in concept.Blocked)
        {
            for (int w = 0; w + phrase.Length <= words.Count; w++)
            {
                if (!Occurs(words, w, phrase))
                {
                    continue;
                }

                int start = words[w].Start;
                int end = words[w + phrase.Length - 1].End;
                foreach (TermEdit edit in negative.Alignment.Edits)
                {
                    if (edit.Start >= start && edit.Start + edit.Length <= end)
                    {
                        yield return $"'{edit.From}' inside blocked phrase '{string.Join(' ', phrase)}'";
                    }
                }
            }
        }
    }

    private static bool Occurs(IReadOnlyList<CaptionWord> words, int at, string[] phrase)
    {
        for (int i = 0; i < phrase.Length; i++)
        {
            if (words[at + i].Folded != phrase[i])
            {
                return false;
            }
        }

        return true;
    }
}
