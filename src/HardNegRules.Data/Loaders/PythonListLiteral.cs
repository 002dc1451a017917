using System.Globalization;
using System.Text;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Parses a Python list literal of strings, as NegCLIP's neg_caption column holds them (<c>str(list)</c> in pandas:
/// <c>['a cat .', "it's a dog"]</c>; NegCLIP's trainer reads them back with <c>ast.literal_eval</c>). Only what
/// <c>repr</c> of a list of strings writes is accepted: single- or double-quoted strings with backslash escapes.
/// </summary>
public static class PythonListLiteral
{
    /// <summary>Parses the literal.</summary>
    /// <param name="text">The literal.</param>
    /// <param name="items">The strings, when it parses.</param>
    /// <param name="error">What is wrong, when it does not.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string text, out IReadOnlyList<string> items, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<string>();
        items = list;
        var cursor = new Cursor(text.Trim());
        error = cursor.Expect('[') ?? ParseItems(ref cursor, list);
        return error is null;
    }

    private static string? ParseItems(ref Cursor cursor, List<string> list)
    {
        cursor.SkipSpaces();
        if (cursor.TryTake(']'))
        {
            return cursor.AtEnd ? null : cursor.Problem("text after the closing ']'");
        }

        while (true)
        {
            cursor.SkipSpaces();
            if (ParseString(ref cursor, out string? item) is { } error)
            {
                return error;
            }

            list.Add(item!);
            cursor.SkipSpaces();
            if (cursor.TryTake(']'))
            {
                return cursor.AtEnd ? null : cursor.Problem("text after the closing ']'");
            }

            if (cursor.Expect(',') is { } comma)
            {
                return comma;
            }

            cursor.SkipSpaces();
            if (cursor.TryTake(']'))
            {
                // Python allows a trailing comma.
                return cursor.AtEnd ? null : cursor.Problem("text after the closing ']'");
            }
        }
    }

    private static string? ParseString(ref Cursor cursor, out string? value)
    {
        value = null;
        if (cursor.AtEnd || (cursor.Peek != '\'' && cursor.Peek != '"'))
        {
            return cursor.Problem("expected a quoted string");
        }

        char quote = cursor.Take();
        var builder = new StringBuilder();
        while (!cursor.AtEnd)
        {
            char c = cursor.Take();
            if (c == quote)
            {
                value = builder.ToString();
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (cursor.AtEnd)
            {
                break;
            }

            if (Escape(ref cursor, builder) is { } error)
            {
                return error;
            }
        }

        return cursor.Problem("unterminated string");
    }

    private static string? Escape(ref Cursor cursor, StringBuilder builder)
    {
        char e = cursor.Take();
        switch (e)
        {
            case '\\' or '\'' or '"':
                builder.Append(e);
                return null;
            case 'n':
                builder.Append('\n');
                return null;
            case 't':
                builder.Append('\t');
                return null;
            case 'r':
                builder.Append('\r');
                return null;
            case 'x':
                return Hex(ref cursor, 2, builder);
            case 'u':
                return Hex(ref cursor, 4, builder);
            case 'U':
                return Hex(ref cursor, 8, builder);
            default:
                // Python keeps an unknown escape as written (backslash and character).
                builder.Append('\\').Append(e);
                return null;
        }
    }

    private static string? Hex(ref Cursor cursor, int digits, StringBuilder builder)
    {
        string hex = cursor.TakeUpTo(digits);
        if (hex.Length != digits || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) || code > 0x10FFFF)
        {
            return cursor.Problem($"bad \\{(digits == 2 ? "x" : digits == 4 ? "u" : "U")} escape");
        }

        builder.Append(char.ConvertFromUtf32(code));
        return null;
    }

    /// <summary>A position in the literal.</summary>
    private ref struct Cursor(string text)
    {
        private readonly string _text = text;
        private int _at;

        public readonly bool AtEnd => _at >= _text.Length;

        public readonly char Peek => _text[_at];

        public char Take() => _text[_at++];

        public string TakeUpTo(int count)
        {
            string taken = _text.Substring(_at, Math.Min(count, _text.Length - _at));
            _at += taken.Length;
            return taken;
        }

        public bool TryTake(char c)
        {
            if (!AtEnd && _text[_at] == c)
            {
                _at++;
                return true;
            }

            return false;
        }

        public string? Expect(char c) => TryTake(c) ? null : Problem($"expected '{c}'");

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
        }

        public readonly string Problem(string what) =>
            string.Create(CultureInfo.InvariantCulture, $"not a Python list of strings: {what} at character {_at + 1}");
    }
}
