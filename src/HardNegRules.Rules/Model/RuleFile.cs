namespace HardNegRules.Rules.Model;

/// <summary>One parsed rule file: either a concept or a pack's settings.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Pack">The pack the file belongs to (its folder under rules/; "default" for rules/ itself).</param>
/// <param name="Concept">The concept the file defines, or null.</param>
/// <param name="Settings">The pack settings the file defines, or null.</param>
public sealed record RuleFile(string Path, string Pack, ConceptDefinition? Concept, PackSettings? Settings);
