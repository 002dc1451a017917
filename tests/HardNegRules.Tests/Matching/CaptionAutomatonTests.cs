using CsCheck;
using HardNegRules.Matching;
using HardNegRules.Permutation;
using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Text;

namespace HardNegRules.Tests.Matching;

/// <summary>
/// The automaton finds exactly what the matching rule says, checked against a plain walk of the trie written from the
/// rule itself: at each word start (in scan order) the longest rule text that ends at a word boundary is a match, and
/// the scan goes on after it; with none, the scan goes on after that word.
/// </summary>
public class CaptionAutomatonTests
{
    private static readonly MatchTrie DefaultTrie = MatchTrie.Build(((RulePermuter)Permuters.Default).CompiledPack);
    private static readonly CaptionAutomaton DefaultAutomaton = new(DefaultTrie.Encode());

    // Rule words and phrase prefixes that make walks cross word boundaries and die there, with punctuation, case,
    // hyphens, non-ASCII letters and spaces around them.
    private static readonly Gen<string> Captions = Gen.OneOf(
        Gen.String,
        Gen.OneOf("a", "A", "an", "in", "on", "of", "off", "the", "front", "top", "little", "bit", "while", "black", "and", "white",
                "&", "or", "/", "red", "gray", "grey", "off-white", "next", "to", "left", "right", "side", "far", "dog", "hot", "dog",
                "men", "'", "'s", "t-shirt", ",", ".", "-", "\u00e9", "\u212a", "\u00a0", "\t", "  ", "BLACK", "White", "orange", "light",
                "blue", "dark", "navy", "cream", "x", "whites", "black-and-white")
            .Array[0, 24].Select(words => string.Join(string.Empty, words.Select((w, i) => i % 3 == 2 ? w : w + " "))),
        Gen.OneOf("a", "in", "front", "of", "black", "and", "white", "little", "bit", " ", ",", "-", "x")
            .Array[0, 16].Select(words => string.Concat(words)));

    [Test]
    public void Finds_what_a_plain_walk_of_the_trie_finds()
    {
        Captions.SampleFixed(caption =>
        {
            List<(int Start, int Length, int Entry)> expected = ReferenceScan(DefaultTrie, caption);
            List<(int Start, int Length, int Entry)> actual = Scan(DefaultAutomaton, caption);
            Assert.That(actual, Is.EqualTo(expected), caption);
        }, iter: 20_000, seed: "0000000001Ai");
    }

    // The default pack's objects are terms too ("girl", "dog"). "black and white" is only a prefix of blocked phrases
    // ("black and white photo"), "in front" of "in front of".
    [TestCase("a little girl in front of a black and white dog", "little|girl|in front of|black|white|dog")]
    [TestCase("black and white photo of it", "black and white photo")]
    [TestCase("black and blue", "black|blue")]
    [TestCase("a little", "little")]
    [TestCase("black and", "black")]
    [TestCase("in front", "front")]
    [TestCase("in front of", "in front of")]
    [TestCase("Black & White", "Black|White")]
    public void Examples(string caption, string found)
    {
        List<(int Start, int Length, int Entry)> matches = Scan(DefaultAutomaton, caption);
        Assert.That(string.Join("|", matches.Select(m => caption.Substring(m.Start, m.Length))), Is.EqualTo(found));
        Assert.That(matches, Is.EqualTo(ReferenceScan(DefaultTrie, caption)));
    }

    // Walks past their first word that die with nothing accepted go straight on as the walk their death reads again,
    // also when that walk dies past its own first word, or leaves a candidate, or the caption ends inside it.
    [TestCase("a man on a little bike")]
    [TestCase("a a little bit")]
    [TestCase("in front in front of a dog")]
    [TestCase("a little black and a little white")]
    [TestCase("black and in front of")]
    [TestCase("on top of a red car on top")]
    [TestCase("in a little while")]
    [TestCase("to the left to the left of the dog")]
    [TestCase("A LITTLE GIRL, a little-girl")]
    public void Deaths_past_the_first_word_go_on_as_the_walk_read_again(string caption)
    {
        Assert.That(Scan(DefaultAutomaton, caption), Is.EqualTo(ReferenceScan(DefaultTrie, caption)));
    }

    private static List<(int Start, int Length, int Entry)> Scan(CaptionAutomaton automaton, string caption)
    {
        var found = new List<(int, int, int)>();
        int i = 0;
        while (automaton.Next(caption, ref i, out int start, out int entry) is int length and > 0)
        {
            found.Add((start, length, entry));
        }

        return found;
    }

    private static List<(int Start, int Length, int Entry)> ReferenceScan(MatchTrie trie, string caption)
    {
        var found = new List<(int, int, int)>();
        int pos = 0;
        while (pos < caption.Length)
        {
            bool wordStart = CaptionChars.IsWordChar(caption[pos]) && (pos == 0 || !CaptionChars.IsWordChar(caption[pos - 1]));
            if (!wordStart)
            {
                pos++;
                continue;
            }

            // The longest text from here whose end is a boundary; a character matches an edge when it folds to the
            // edge's character and is a word character exactly when that one is.
            int node = 0;
            int bestEnd = -1;
            int bestEntry = -1;
            for (int at = pos; ; at++)
            {
                bool boundary = at == caption.Length || !CaptionChars.IsWordChar(caption[at]);
                if (boundary && at > pos && trie.Nodes[node].Entry >= 0)
                {
                    bestEnd = at;
                    bestEntry = trie.Nodes[node].Entry;
                }

                if (at == caption.Length)
                {
                    break;
                }

                char c = caption[at];
                char folded = CaptionChars.Fold(c);
                if (!trie.Nodes[node].Children.TryGetValue(folded, out int child) || CaptionChars.IsWordChar(folded) != CaptionChars.IsWordChar(c))
                {
                    break;
                }

                node = child;
            }

            if (bestEnd >= 0)
            {
                found.Add((pos, bestEnd - pos, bestEntry));
                pos = bestEnd;
                continue;
            }

            while (pos < caption.Length && CaptionChars.IsWordChar(caption[pos]))
            {
                pos++;
            }
        }

        return found;
    }
}
