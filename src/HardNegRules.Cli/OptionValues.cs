using System.Numerics;

namespace HardNegRules.Cli;

/// <summary>Checks an option's value against the kind its setting holds, with a message in the user's terms.</summary>
internal static class OptionValues
{
    /// <summary>What is wrong with <paramref name="value"/> for an option of type <paramref name="type"/>.</summary>
    /// <param name="name">The option as the user typed it (<c>--seed</c>).</param>
    /// <param name="value">The value given.</param>
    /// <param name="type">The settings property's type.</param>
    /// <returns>The problem, or null when the value converts.</returns>
    public static string? Problem(string name, string value, Type type)
    {
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        target = target.IsArray ? target.GetElementType()! : target;
        string[] names = target.IsEnum ? [.. Enum.GetNames(target).Select(n => n.ToLowerInvariant())] : [];
        return value.Length == 0 ? $"{name}: the value is empty."
            : target == typeof(int) ? WholeNumber<int>(name, value)
            : target == typeof(ulong) ? WholeNumber<ulong>(name, value)
            : (target == typeof(double) || target == typeof(float))
                && !(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
                ? $"{name}: '{value}' is not a number."
            : target.IsEnum && !names.Contains(value, StringComparer.OrdinalIgnoreCase) ? $"{name}: '{value}' is not one of {string.Join(", ", names)}."
            : null;
    }

    // An unsigned kind says so: its values are 0 or more.
    private static string? WholeNumber<T>(string name, string value)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        bool unsigned = T.IsZero(T.MinValue);
        ReadOnlySpan<char> digits = value.AsSpan().TrimStart('-');
        bool whole = digits.Length > 0 && value.Length - digits.Length <= 1 && !digits.ContainsAnyExceptInRange('0', '9');
        return T.TryParse(value, unsigned ? NumberStyles.None : NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null
            : !whole ? $"{name}: '{value}' is not a whole number{(unsigned ? " (0 or more)" : string.Empty)}."
            : unsigned && value.StartsWith('-') ? $"{name}: '{value}' is negative; give a whole number of 0 or more."
            : $"{name}: '{value}' is out of range (at most {T.MaxValue.ToString(null, CultureInfo.InvariantCulture)}).";
    }
}
