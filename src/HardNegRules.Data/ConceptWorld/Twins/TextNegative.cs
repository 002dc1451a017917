using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.Twins;

/// <summary>A text-side binding negative: a caption with two objects' values of one concept swapped, false of the scene.</summary>
/// <param name="Text">The negative caption.</param>
/// <param name="Concept">The swapped concept.</param>
/// <param name="FirstObject">Index of one swapped object in <see cref="Scene.Objects"/>.</param>
/// <param name="SecondObject">Index of the other.</param>
public sealed record TextNegative(string Text, WorldConcepts Concept, int FirstObject, int SecondObject);
