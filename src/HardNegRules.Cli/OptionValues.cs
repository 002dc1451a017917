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
        if (value.Length == 0)
        {
            return $"{name}: the value is empty.";
        }
        if (target.IsArray)
        {
            target = target.GetElementType()!;
        }
        if (target == typeof(int))
        {
            return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? null
                : IsWholeNumber(value)
                    ? $"{name}: '{value}' is out of range (at most {int.MaxValue.ToString(CultureInfo.InvariantCulture)})."
                    : $"{name}: '{value}' is not a whole number.";
        }
        if (target == typeof(ulong))
        {
            return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? null
                : value.StartsWith('-') && IsWholeNumber(value)
                    ? $"{name}: '{value}' is negative; give a whole number of 0 or more."
                    : IsWholeNumber(value)
                        ? $"{name}: '{value}' is out of range (at most {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)})."
                        : $"{name}: '{value}' is not a whole number (0 or more).";
        }
        if (target == typeof(double) || target == typeof(float))
        {
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
                ? null
                : $"{name}: '{value}' is not a number.";
        }
        if (target.IsEnum)
        {
            string[] names = [.. Enum.GetNames(target).Select(n => n.ToLowerInvariant())];
            return names.Contains(value, StringComparer.OrdinalIgnoreCase)
                ? null
                : $"{name}: '{value}' is not one of {string.Join(", ", names)}.";
        }
        return null;
    }

    private static bool IsWholeNumber(string value)
    {
        ReadOnlySpan<char> digits = value.AsSpan().TrimStart('-');
        return digits.Length > 0 && value.Length - digits.Length <= 1 && digits.ContainsAnyExceptInRange('0', '9') is false;
    }
}
