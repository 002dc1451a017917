using System.Reflection;

namespace HardNegRules.Cli;

/// <summary>
/// The commands of the program and the options each accepts, read from the <see cref="CommandOptionAttribute"/>s of
/// its settings class. The command line is checked against it before it is parsed, so that an unknown option or a
/// value of the wrong kind is reported in the user's terms (with the nearest known option).
/// </summary>
internal sealed class OptionCatalog
{
    private readonly Dictionary<string, IReadOnlyList<CommandOptionInfo>> _options = new(StringComparer.Ordinal);

    /// <summary>The command paths, e.g. <c>train</c> and <c>rules check</c>.</summary>
    public IReadOnlyCollection<string> Commands => _options.Keys;

    /// <summary>Records a command and the options of its settings class.</summary>
    /// <param name="path">The command as typed, words separated by one space (<c>rules check</c>).</param>
    /// <param name="commandType">The command's class (a <see cref="Command{TSettings}"/>).</param>
    public void Add(string path, Type commandType) =>
        _options[path] = OptionsOf(commandType.BaseType!.GetGenericArguments()[0]); // every command is a Command<TSettings>

    /// <summary>Whether <paramref name="word"/> names a group of commands (<c>rules</c>).</summary>
    /// <param name="word">A word of the command line.</param>
    /// <returns>True for a group.</returns>
    public bool IsGroup(string word) => Commands.Any(c => c.StartsWith(word + " ", StringComparison.Ordinal));

    /// <summary>The options of a command.</summary>
    /// <param name="path">The command path.</param>
    /// <returns>Its options, or null for an unknown command.</returns>
    public IReadOnlyList<CommandOptionInfo>? OptionsOf(string path) => _options.GetValueOrDefault(path);

    private static List<CommandOptionInfo> OptionsOf(Type settingsType) =>
    [
        new(["-h", "--help"], TakesValue: false, typeof(bool)),
        .. from property in settingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
           from option in property.GetCustomAttributes<CommandOptionAttribute>()
           // A one-letter option is also written with two dashes (--k); see CommandLine.Prepare.
           let names = option.ShortNames.SelectMany<string, string>(n => ["-" + n, "--" + n]).Concat(option.LongNames.Select(n => "--" + n))
           select new CommandOptionInfo([.. names], option.ValueName is not null && !option.ValueIsOptional, property.PropertyType),
    ];
}

/// <summary>One option of a command.</summary>
/// <param name="Names">Its spellings with their dashes (<c>-o</c>, <c>--out</c>).</param>
/// <param name="TakesValue">Whether the option needs a value.</param>
/// <param name="ValueType">The settings property's type (the value is converted to it).</param>
internal sealed record CommandOptionInfo(IReadOnlyList<string> Names, bool TakesValue, Type ValueType)
{
    /// <summary>The name shown in messages: the last long one (every option has one, see <see cref="OptionCatalog"/>).</summary>
    public string DisplayName => Names[^1];
}
