namespace HardNegRules.Cli.Commands;

/// <summary>The options of the commands that take captions on the command line (<c>permute</c>, <c>rules explain</c>).</summary>
internal class CaptionSettings : PermuterSettings
{
    [CommandArgument(0, "<CAPTION>")]
    [Description("One or more captions.")]
    public string[] Captions { get; init; } = [];

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        // The runtime decodes arguments as UTF-8 and puts U+FFFD where bytes were not: such a caption is not what was meant.
        int bad = Array.FindIndex(Captions, c => c.Contains('\uFFFD', StringComparison.Ordinal));
        return bad >= 0
            ? ValidationResult.Error($"caption {bad + 1} is not valid UTF-8 text (it holds U+FFFD, the mark of undecodable bytes); pass UTF-8 captions.")
            : base.Validate();
    }
}
