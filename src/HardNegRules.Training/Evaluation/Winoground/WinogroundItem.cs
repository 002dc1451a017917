namespace HardNegRules.Training.Evaluation.Winoground;

/// <summary>
/// Two captions and two images where caption 0 describes image 0 and caption 1 describes image 1 (for example a caption,
/// its hard negative, and the inpainted image the negative describes), as scored by a model.
/// </summary>
/// <param name="Concept">The concept in which the pairs differ.</param>
/// <param name="Caption0Image0">s(c0, i0), a matching pair.</param>
/// <param name="Caption0Image1">s(c0, i1).</param>
/// <param name="Caption1Image0">s(c1, i0).</param>
/// <param name="Caption1Image1">s(c1, i1), a matching pair.</param>
public sealed record WinogroundItem(
    string Concept, float Caption0Image0, float Caption0Image1, float Caption1Image0, float Caption1Image1);
