namespace HardNegRules.Rules.Compilation;

/// <summary>The text of one rule file and the pack it belongs to.</summary>
/// <param name="Path">The file's path (shown in diagnostics).</param>
/// <param name="Pack">The pack's name: "default" for files directly under the rules folder, else their folder's name.</param>
/// <param name="Text">The file's YAML text.</param>
public sealed record RuleSource(string Path, string Pack, string Text);
