namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>
/// The background of a scene: a base tone shifted per scene, a gentle linear lighting gradient and per-pixel noise,
/// so that no two backgrounds are identical and the image model cannot key on the exact background value.
/// </summary>
/// <param name="Tone">The base tone.</param>
/// <param name="ShiftRed">Per-scene shift of the red channel, in 0-255 units.</param>
/// <param name="ShiftGreen">Per-scene shift of the green channel.</param>
/// <param name="ShiftBlue">Per-scene shift of the blue channel.</param>
/// <param name="GradientX">Brightness change from the left edge to the right edge, in 0-255 units.</param>
/// <param name="GradientY">Brightness change from the top edge to the bottom edge.</param>
/// <param name="NoiseAmplitude">The largest per-pixel noise, in 0-255 units, applied to the whole image.</param>
/// <param name="NoiseSeed">Seed of the pixel noise; rendering is a pure function of the scene.</param>
public readonly record struct SceneBackground(
    BackgroundTone Tone,
    int ShiftRed,
    int ShiftGreen,
    int ShiftBlue,
    float GradientX,
    float GradientY,
    int NoiseAmplitude,
    ulong NoiseSeed);
