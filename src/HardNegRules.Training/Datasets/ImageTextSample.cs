using HardNegRules.Data.ConceptWorld.CaptionWriting;

namespace HardNegRules.Training.Datasets;

/// <summary>One training pair: an image ready for the model and its caption.</summary>
/// <param name="Pixels">The image as normalised CHW floats: 3 x size x size values, channel-major.</param>
/// <param name="Caption">The caption text; hard negatives are made from it.</param>
/// <param name="Id">A stable identifier of the caption (hard-negative sources seed from it).</param>
/// <param name="TokenIds">The caption's token ids if already tokenised (at most the model's context length, zero
/// padded); null or empty to let the trainer tokenise <paramref name="Caption"/>.</param>
public sealed record ImageTextSample(ReadOnlyMemory<float> Pixels, string Caption, string Id, ReadOnlyMemory<long>? TokenIds = null);
