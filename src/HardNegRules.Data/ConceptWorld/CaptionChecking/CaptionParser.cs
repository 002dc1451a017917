using System.Diagnostics.CodeAnalysis;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.CaptionChecking;

/// <summary>
/// Parses the world's caption language into claims, independently of how captions are written: it reads text only,
/// so checking a caption against a scene tests the writer rather than repeating it. The grammar:
/// <code>
/// caption  := [prefix ":"] ["there is" | "a picture of"] np [tail]
/// prefix   := COUNT ("object" | "objects") | "from left to right" | "from top to bottom"
/// tail     := location | relation np | ("," np)* "and" np
/// np       := ("a" | "an") [SIZE] [COLOR] SHAPE
/// relation := "to the left of" | "to the right of" | "above" | "below"
/// location := "on the left|right" | "at the top|bottom" | "in the center" | "in the top|bottom left|right corner"
/// </code>
/// </summary>
public static class CaptionParser
{
    /// <summary>Parses <paramref name="caption"/>.</summary>
    /// <param name="caption">The caption text.</param>
    /// <param name="claims">The claims, when the caption is in the language.</param>
    /// <returns>True when the caption parsed, including a/an and singular/plural agreement.</returns>
    public static bool TryParse(string caption, [NotNullWhen(true)] out CaptionClaims? claims)
    {
        ArgumentNullException.ThrowIfNull(caption);
        claims = new Reader(Tokenize(caption)).ReadCaption();
        return claims is not null;
    }

    private static string[] Tokenize(string caption) =>
        caption.ToLowerInvariant()
            .Replace(",", " , ", StringComparison.Ordinal)
            .Replace(":", " : ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A cursor over the tokens; every Read method returns null (or false) and leaves no claim on failure.</summary>
    private sealed class Reader(string[] tokens)
    {
        private readonly List<ObjectDescription> _objects = [];
        private readonly List<RelationClaim> _relations = [];
        private readonly List<LocationClaim> _locations = [];
        private int _position;

        public CaptionClaims? ReadCaption()
        {
            int? count = null;
            ClaimedOrder order = ClaimedOrder.None;
            int colon = Array.IndexOf(tokens, ":");
            if (colon >= 0)
            {
                if (!ReadPrefix(colon, out count, out order))
                {
                    return null;
                }

                _position = colon + 1;
            }

            _ = Accept("there", "is") || Accept("a", "picture", "of");
            if (!ReadNounPhrase() || !ReadTail() || _position != tokens.Length)
            {
                return null;
            }

            return new CaptionClaims(_objects, count, order, _relations, _locations);
        }

        private bool ReadPrefix(int colon, out int? count, out ClaimedOrder order)
        {
            string[] prefix = tokens[..colon];
            count = null;
            order = ClaimedOrder.None;
            if (prefix.SequenceEqual(["from", "left", "to", "right"]))
            {
                order = ClaimedOrder.LeftToRight;
                return true;
            }

            if (prefix.SequenceEqual(["from", "top", "to", "bottom"]))
            {
                order = ClaimedOrder.TopToBottom;
                return true;
            }

            if (prefix.Length == 2 && WorldVocabulary.TryParseCount(prefix[0], out int n) && prefix[1] == (n == 1 ? "object" : "objects"))
            {
                count = n;
                return true;
            }

            return false;
        }

        private bool ReadTail()
        {
            if (_position == tokens.Length)
            {
                return true;
            }

            if (TryReadLocation(out int? column, out int? row))
            {
                _locations.Add(new LocationClaim(_objects.Count - 1, column, row));
                return true;
            }

            if (TryReadRelation(out SpatialRelation relation))
            {
                int first = _objects.Count - 1;
                bool ok = ReadNounPhrase();
                _relations.Add(new RelationClaim(first, relation, first + 1));
                return ok;
            }

            while (Accept(","))
            {
                if (!ReadNounPhrase())
                {
                    return false;
                }
            }

            return Accept("and") && ReadNounPhrase();
        }

        private bool ReadNounPhrase()
        {
            if (_position + 1 >= tokens.Length || tokens[_position] is not ("a" or "an"))
            {
                return false;
            }

            string article = tokens[_position];
            if (article != WorldVocabulary.IndefiniteArticle(tokens[_position + 1]))
            {
                return false;
            }

            _position++;
            ObjectSize? size = WorldVocabulary.TryParseSize(Peek(), out ObjectSize s) ? s : null;
            _position += size is null ? 0 : 1;
            ObjectColor? color = WorldVocabulary.TryParseColor(Peek(), out ObjectColor c) ? c : null;
            _position += color is null ? 0 : 1;
            if (!WorldVocabulary.TryParseShape(Peek(), out ObjectShape shape))
            {
                return false;
            }

            _position++;
            _objects.Add(new ObjectDescription(shape, color, size));
            return true;
        }

        private bool TryReadRelation(out SpatialRelation relation)
        {
            (string[] Words, SpatialRelation Relation)[] relations =
            [
                (["to", "the", "left", "of"], SpatialRelation.LeftOf),
                (["to", "the", "right", "of"], SpatialRelation.RightOf),
                (["above"], SpatialRelation.Above),
                (["below"], SpatialRelation.Below),
            ];
            foreach ((string[] words, SpatialRelation candidate) in relations)
            {
                if (Accept(words))
                {
                    relation = candidate;
                    return true;
                }
            }

            relation = default;
            return false;
        }

        private bool TryReadLocation(out int? column, out int? row)
        {
            column = null;
            row = null;
            if (Accept("on", "the", "left") || Accept("on", "the", "right"))
            {
                column = tokens[_position - 1] == "left" ? 0 : 2;
                return true;
            }

            if (Accept("at", "the", "top") || Accept("at", "the", "bottom"))
            {
                row = tokens[_position - 1] == "top" ? 0 : 2;
                return true;
            }

            if (Accept("in", "the", "center"))
            {
                (column, row) = (1, 1);
                return true;
            }

            foreach (string vertical in (string[])["top", "bottom"])
            {
                foreach (string horizontal in (string[])["left", "right"])
                {
                    if (Accept("in", "the", vertical, horizontal, "corner"))
                    {
                        (column, row) = (horizontal == "left" ? 0 : 2, vertical == "top" ? 0 : 2);
                        return true;
                    }
                }
            }

            return false;
        }

        private string Peek() => _position < tokens.Length ? tokens[_position] : string.Empty;

        private bool Accept(params string[] words)
        {
            if (_position + words.Length > tokens.Length || !tokens.AsSpan(_position, words.Length).SequenceEqual(words))
            {
                return false;
            }

            _position += words.Length;
            return true;
        }
    }
}
